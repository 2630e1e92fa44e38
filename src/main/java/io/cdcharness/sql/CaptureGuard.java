package io.cdcharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Remembers the statements of a scenario that ran while its session could not be captured, so that a
 * check can name them instead of passing without testing anything ("no further events" after
 * {@code SET sql_log_bin = 0} would otherwise always pass).
 */
final class CaptureGuard {
    private static final Pattern CHANGES_CAPTURE = Pattern.compile("(?is)^\\s*SET\\b.*\\b(sql_log_bin|binlog_format|binlog_row_image)\\b.*");
    private static final Pattern SET = Pattern.compile("(?is)^\\s*SET\\b.*");
    private static final int KEPT = 20;

    private final List<String> blindSpots = new ArrayList<>();
    private int notKept;
    private String blindness;
    private String setBy;

    static boolean mayChangeCapture(String sql) {
        return CHANGES_CAPTURE.matcher(sql).matches();
    }

    /** Called after a statement that may change the capture settings, with the settings now in force. */
    void observe(CaptureSettings settings, String statement) {
        List<String> reasons = settings.blindness();
        blindness = reasons.isEmpty() ? null : String.join(", ", reasons);
        setBy = reasons.isEmpty() ? null : oneLine(statement);
    }

    /** Called before each statement: one that changes data while the session is blind is remembered. */
    void beforeStatement(String statement) {
        if (blindness == null || SET.matcher(statement).matches()) {
            return;
        }
        if (blindSpots.size() < KEPT) {
            blindSpots.add("\"" + oneLine(statement) + "\" ran with " + blindness + ", set by \"" + setBy + "\"");
        } else {
            notKept++;
        }
    }

    List<String> blindSpots() {
        List<String> all = new ArrayList<>(blindSpots);
        if (notKept > 0) {
            all.add("... and " + notKept + " more statements");
        }
        return all;
    }

    void clear() {
        blindSpots.clear();
        notKept = 0;
        blindness = null;
        setBy = null;
    }

    private static String oneLine(String statement) {
        String line = statement.replaceAll("\\s+", " ").trim();
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
