package io.cdcharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings that decide whether a session's changes can be captured at all: {@code sql_log_bin}
 * and the session's {@code binlog_format}/{@code binlog_row_image}, with the server-wide values that
 * new sessions inherit.
 */
record CaptureSettings(boolean sqlLogBin, String binlogFormat, String rowImage, String globalBinlogFormat, String globalRowImage) {

    static CaptureSettings read(Function<String, List<Map<String, Object>>> query) {
        Map<String, Object> row = query.apply("SELECT @@session.sql_log_bin AS sql_log_bin, @@session.binlog_format AS binlog_format, "
                + "@@session.binlog_row_image AS row_image, @@global.binlog_format AS global_format, "
                + "@@global.binlog_row_image AS global_image").get(0);
        return new CaptureSettings(truthy(row.get("sql_log_bin")), text(row.get("binlog_format")), text(row.get("row_image")),
                text(row.get("global_format")), text(row.get("global_image")));
    }

    /** Why this session's changes would not be captured as Debezium needs them; empty when they would. */
    List<String> blindness() {
        List<String> reasons = new ArrayList<>();
        if (!sqlLogBin) {
            reasons.add("sql_log_bin=0 (its changes never reach the binlog)");
        }
        if (!"ROW".equals(binlogFormat)) {
            reasons.add("binlog_format=" + binlogFormat + " (Debezium reads only row events)");
        }
        if (!"FULL".equals(rowImage)) {
            reasons.add("binlog_row_image=" + rowImage + " (events lack the full before and after images)");
        }
        return reasons;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Number number) {
            return number.intValue() != 0;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
        return !(text.equals("0") || text.equals("OFF") || text.equals("FALSE"));
    }

    private static String text(Object value) {
        return String.valueOf(value).trim().toUpperCase(Locale.ROOT);
    }
}
