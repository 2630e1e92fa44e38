package io.cdcharness.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The benchmark's markdown table, one column per stack, from the {@code RESULT key=value ...} lines the
 * benchmark prints (one per stack). {@code ./benchmark --stacks a,b} pipes the lines of both runs into
 * {@link #main}; a single run prints its own table.
 *
 * <pre>
 * | figure | embedded | containers |
 * | --- | --- | --- |
 * | boot to streaming (median of 3) | 6.1 s | 9.6 s |
 * </pre>
 */
public final class BenchmarkTable {
    private static final String MISSING = "n/a";

    /** One row: its label (from the first result) and how a result's figures read in it. */
    private record Row(Function<Result, String> label, Function<Result, String> cell) {
    }

    /** One RESULT line as key to value. */
    record Result(Map<String, String> values) {
        static Result parse(String line) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : line.substring("RESULT".length()).trim().split("\\s+")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return new Result(values);
        }

        String text(String key) {
            return values.getOrDefault(key, MISSING);
        }

        long number(String key) {
            try {
                return Long.parseLong(values.getOrDefault(key, "-1"));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        boolean has(String key) {
            return number(key) >= 0;
        }
    }

    private static final List<Row> ROWS = List.of(
            new Row(r -> "boot to streaming (median of " + r.text("runs") + ")", r -> seconds(r, "boot_to_streaming_ms")),
            new Row(r -> "register -> streaming: first on a new worker (median) / warm worker p50 / first attached to `up`",
                    r -> seconds(r, "register_to_streaming_ms") + " / " + millis(r, "register_warm_p50_ms") + " / " + millis(r, "register_attached_first_ms")),
            new Row(r -> "launch -> first step: attached to `up` / booting (ratio)", BenchmarkTable::firstStep),
            new Row(r -> "reset per scenario p50 / p95", r -> millis(r, "reset_p50_ms", "reset_p95_ms")),
            new Row(r -> "commit -> event p50 / p95 / p99", r -> millis(r, "latency_p50_ms", "latency_p95_ms", "latency_p99_ms")),
            new Row(r -> "10k rows: insert -> all reconciled (insert alone)", r -> bulk(r, "rows10k")),
            new Row(r -> "100k rows: insert -> all reconciled (insert alone)", r -> bulk(r, "rows100k")),
            new Row(r -> "harness heap before -> after 100k rows (per row)", BenchmarkTable::heap),
            new Row(r -> "suite" + (r.text("features").equals("-") ? " (--features DIR)" : " " + r.text("features")) + ": serial / parallel on "
                    + r.text("pool") + " stacks (ratio)", BenchmarkTable::suites),
            new Row(r -> "RSS: stack services / harness JVM", BenchmarkTable::rss));

    private BenchmarkTable() {
    }

    /** Reads RESULT lines from standard input and prints the table. */
    public static void main(String[] args) throws IOException {
        List<Result> results = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            in.lines().filter(line -> line.startsWith("RESULT ")).map(Result::parse).forEach(results::add);
        }
        System.out.print(render(results));
    }

    static String render(List<Result> results) {
        if (results.isEmpty()) {
            return "(no RESULT line: no figures)\n";
        }
        StringBuilder table = new StringBuilder("| figure |");
        results.forEach(result -> table.append(' ').append(column(result)).append(" |"));
        table.append("\n| --- |").append(" --- |".repeat(results.size())).append('\n');
        for (Row row : ROWS) {
            table.append("| ").append(row.label().apply(results.get(0))).append(" |");
            results.forEach(result -> table.append(' ').append(row.cell().apply(result)).append(" |"));
            table.append('\n');
        }
        return table.toString();
    }

    private static String column(Result result) {
        String stack = result.text("stack");
        return "mysql".equals(result.text("database")) ? stack : stack + " (" + result.text("database") + ")";
    }

    private static String seconds(Result result, String key) {
        return result.has(key) ? String.format(Locale.ROOT, "%.2f s", result.number(key) / 1000.0) : MISSING;
    }

    /** {@code 27 / 34 / 41 ms}; n/a for a figure that is missing. */
    private static String millis(Result result, String... keys) {
        if (java.util.Arrays.stream(keys).noneMatch(result::has)) {
            return MISSING;
        }
        List<String> figures = new ArrayList<>();
        for (String key : keys) {
            figures.add(result.has(key) ? Long.toString(result.number(key)) : MISSING);
        }
        return String.join(" / ", figures) + " ms";
    }

    private static String firstStep(Result result) {
        if (!result.has("first_step_warm_ms") && !result.has("first_step_own_ms")) {
            return MISSING;
        }
        String text = seconds(result, "first_step_warm_ms") + " / " + seconds(result, "first_step_own_ms");
        return result.has("first_step_warm_ms") && result.has("first_step_own_ms") && result.number("first_step_warm_ms") > 0
                ? text + String.format(Locale.ROOT, " (%.1fx)", (double) result.number("first_step_own_ms") / result.number("first_step_warm_ms"))
                : text;
    }

    private static String bulk(Result result, String prefix) {
        return result.has(prefix + "_ms") ? seconds(result, prefix + "_ms") + " (" + seconds(result, prefix + "_insert_ms") + ")" : MISSING;
    }

    private static String heap(Result result) {
        if (!result.has("heap_before_100k_mb")) {
            return MISSING;
        }
        return String.format(Locale.ROOT, "%,d -> %,d MB (%,d bytes)", result.number("heap_before_100k_mb"), result.number("heap_after_100k_mb"),
                result.number("heap_per_row_bytes"));
    }

    private static String suites(Result result) {
        if (!result.has("suite_ms") && !result.has("suite_parallel_ms")) {
            return MISSING;
        }
        String text = seconds(result, "suite_ms") + " / " + seconds(result, "suite_parallel_ms");
        return result.has("suite_ms") && result.number("suite_parallel_ms") > 0
                ? text + String.format(Locale.ROOT, " (%.2fx)", (double) result.number("suite_ms") / result.number("suite_parallel_ms"))
                : text;
    }

    private static String rss(Result result) {
        if (!result.has("rss_services_mb") && !result.has("rss_harness_mb")) {
            return MISSING;
        }
        return (result.has("rss_services_mb") ? String.format(Locale.ROOT, "%,d MB", result.number("rss_services_mb")) : MISSING)
                + " / " + (result.has("rss_harness_mb") ? String.format(Locale.ROOT, "%,d MB", result.number("rss_harness_mb")) : MISSING);
    }
}
