package io.cdcharness.report;

import io.cdcharness.stack.BootPhases;
import io.cdcharness.stack.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CDC report, {@code reports/index.html}: one self-contained file (inline CSS and SVG, no network)
 * with, failed scenarios first, each scenario's timeline (every SQL statement and the events it caused
 * on each topic, with commit-to-event latency, faults and where the check gave up), its evidence link,
 * then a latency histogram, the boot phases of the stack, and per topic the record counts and bytes per
 * record.
 *
 * <pre>{@code
 * ReportPage.write(Path.of("reports/index.html"), summaries);   // rewritten after every scenario
 * }</pre>
 */
public final class ReportPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Colours by operation; the browser test looks for some of them in the screenshot. */
    static final Map<String, String> OP_COLOURS = Map.of("c", "#16a34a", "u", "#ea580c", "d", "#dc2626", "r", "#64748b",
            "t", "#7c3aed", "tombstone", "#111827", "ddl", "#9333ea");
    static final String STATEMENT_COLOUR = "#2563eb";
    static final String HISTOGRAM_COLOUR = "#0891b2";
    static final String BOOT_COLOUR = "#f59e0b";
    static final String FAILED_COLOUR = "#dc2626";
    private static final long[] LATENCY_BINS = {0, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};
    private static final int MAX_LANES = 10;
    /** Boots drawn open (a pool of stacks); later ones are folded, so that many boots do not push the timelines down. */
    private static final int OPEN_BOOTS = 3;

    private ReportPage() {
    }

    /**
     * Writes the page with this JVM's boots atomically (a reader never sees half a file), and its data beside it
     * ({@code cdc-report.json}), from which {@code ./cdc-harness report merge} draws the page of several shards again.
     */
    public static void write(Path file, List<ScenarioSummary> summaries) {
        write(file, summaries, BootPhases.all());
    }

    /** As {@link #write(Path, List)}, with the boots given (those of the shards a merged report joins). */
    public static void write(Path file, List<ScenarioSummary> summaries, List<BootPhases.Boot> boots) {
        writeAtomically(file, render(summaries, boots), "the CDC report");
        writeAtomically(file.resolveSibling(ReportData.FILE), ReportData.json(summaries, boots), "the CDC report's data");
    }

    private static void writeAtomically(Path file, String text, String what) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + what + " " + file, e);
        }
    }

    /** The page as text; every text shown is masked again ({@link Secrets}) and escaped. */
    public static String render(List<ScenarioSummary> summaries, List<BootPhases.Boot> boots) {
        List<ScenarioSummary> ordered = new ArrayList<>(summaries);
        ordered.sort(Comparator.comparing((ScenarioSummary s) -> !s.failed()).thenComparing(s -> !"ABORTED".equals(s.status())));
        long failed = summaries.stream().filter(ScenarioSummary::failed).count();
        long passed = summaries.stream().filter(s -> "PASSED".equals(s.status())).count();
        List<Long> latencies = new ArrayList<>();
        summaries.forEach(s -> s.events().forEach(e -> {
            if (e.latencyMs() >= 0) {
                latencies.add(e.latencyMs());
            }
        }));
        latencies.sort(null);
        int events = summaries.stream().mapToInt(s -> s.topics().stream().mapToInt(ScenarioSummary.TopicStats::records).sum()).sum();

        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>CDC report: ").append(failed > 0 ? failed + " failed" : "all passed").append("</title>")
                .append("<style>").append(CSS).append("</style></head>\n<body>\n");
        html.append("<header><h1>CDC report</h1><p class=\"totals\">")
                .append(summaries.size()).append(summaries.size() == 1 ? " scenario" : " scenarios").append(": ")
                .append("<span class=\"").append(failed > 0 ? "bad" : "good").append("\">").append(failed).append(" failed</span>, ")
                .append(passed).append(" passed");
        long other = summaries.size() - failed - passed;
        if (other > 0) {
            html.append(", ").append(other).append(" skipped or aborted");
        }
        html.append(" &middot; ").append(events).append(" records on the scenarios' topics");
        if (!latencies.isEmpty()) {
            html.append(" &middot; commit &rarr; event p50 ").append(percentile(latencies, 50)).append(" ms, p95 ")
                    .append(percentile(latencies, 95)).append(" ms");
        }
        if (!summaries.isEmpty()) {
            html.append(" &middot; first began ").append(TIME.format(summaries.get(0).started()));
        }
        html.append("</p><p class=\"links\">Also: <a href=\"cucumber.html\">Cucumber's report</a> &middot; ")
                .append("<a href=\"cucumber-timeline/index.html\">Cucumber's timeline</a> &middot; ")
                .append("<a href=\"#scenarios\">scenarios</a> &middot; <a href=\"#latency\">latency</a> &middot; ")
                .append("<a href=\"#boot\">boot</a> &middot; <a href=\"#topics\">topics</a></p>");
        if (failed > 0) {
            html.append("<ul class=\"failed-list\">");
            for (int i = 0; i < ordered.size() && ordered.get(i).failed(); i++) {
                ScenarioSummary s = ordered.get(i);
                html.append("<li><span class=\"status\">FAILED</span> <a href=\"#t").append(i).append("\">").append(text(s.name()))
                        .append("</a> <span class=\"where\">").append(text(s.location())).append("</span>");
                if (s.evidence() != null) {
                    html.append(" &middot; evidence: <a href=\"").append(text(s.evidence())).append("summary.txt\">").append(text(s.evidence())).append("</a>");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</header>\n");

        // Compact pictures first, then every scenario (failed first): a long run's table would push them out of sight.
        html.append("<div class=\"overview\"><section id=\"latency\"><h2>Commit &rarr; event latency</h2>").append(histogram(latencies))
                .append("</section>\n<section id=\"boot\"><h2>Boot phases</h2>").append(bootChart(boots)).append("</section></div>\n");
        scenarioTable(html, ordered);
        html.append("<section id=\"timelines\"><h2>Timelines</h2>")
                .append("<p class=\"help\">Time runs left to right from the scenario's start. Each statement is a blue bar on the SQL lane, "
                        + "each record a dot on its topic's lane (green create, orange update, red delete, grey snapshot read, purple DDL, "
                        + "black tombstone); a line joins a statement to the events whose binlog position lies in its range, labelled with "
                        + "the commit &rarr; event latency. A red line marks where a failed check gave up; dashed lines mark faults and notes. "
                        + "Hover for details.</p>\n");
        // Failed scenarios open; when none failed, the first with SQL, so that the page shows a timeline.
        ScenarioSummary opened = ordered.stream().anyMatch(ScenarioSummary::failed) ? null
                : ordered.stream().filter(s -> !s.statements().isEmpty()).findFirst().orElse(null);
        int index = 0;
        for (ScenarioSummary summary : ordered) {
            timeline(html, summary, index++, summary.failed() || summary == opened);
        }
        html.append("</section>\n");
        topics(html, summaries);
        html.append("<footer>Written by cdc-harness. Secrets are masked. Evidence folders are kept for failed scenarios only.</footer>\n");
        html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static void scenarioTable(StringBuilder html, List<ScenarioSummary> ordered) {
        html.append("<section id=\"scenarios\"><h2>Scenarios, failed first</h2>")
                .append("<p><input id=\"filter\" type=\"search\" placeholder=\"filter by name or location\" aria-label=\"filter\"></p>")
                .append("<table class=\"scenarios\"><thead><tr><th>status</th><th>scenario</th><th>where</th><th>time</th>")
                .append("<th>SQL</th><th>records</th><th>latency p50</th><th>evidence</th></tr></thead><tbody>\n");
        int index = 0;
        for (ScenarioSummary s : ordered) {
            List<Long> latencies = s.events().stream().map(ScenarioSummary.Event::latencyMs).filter(l -> l >= 0).sorted().toList();
            int records = s.topics().stream().mapToInt(ScenarioSummary.TopicStats::records).sum();
            html.append("<tr class=\"scenario ").append(s.status().toLowerCase(Locale.ROOT)).append("\" data-status=\"").append(s.status())
                    .append("\"><td class=\"status\">").append(s.status()).append("</td><td><a href=\"#t").append(index++).append("\">")
                    .append(text(s.name())).append("</a>").append(s.kind().equals("test") ? " <span class=\"kind\">JUnit</span>" : "")
                    .append("</td><td class=\"where\">").append(text(s.location())).append("</td><td class=\"num\">")
                    .append(seconds(s.durationMs())).append("</td><td class=\"num\">").append(s.statements().size())
                    .append("</td><td class=\"num\">").append(records).append("</td><td class=\"num\">")
                    .append(latencies.isEmpty() ? "" : percentile(latencies, 50) + " ms").append("</td><td>");
            if (s.evidence() != null) {
                html.append("<a class=\"evidence\" href=\"").append(text(s.evidence())).append("summary.txt\">").append(text(s.evidence())).append("</a>");
            }
            html.append("</td></tr>\n");
        }
        if (ordered.isEmpty()) {
            html.append("<tr><td colspan=\"8\">No scenario has finished yet.</td></tr>");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void timeline(StringBuilder html, ScenarioSummary s, int index, boolean open) {
        html.append("<details class=\"timeline ").append(s.status().toLowerCase(Locale.ROOT)).append("\" id=\"t").append(index).append('"')
                .append(open ? " open" : "").append("><summary><span class=\"status\">").append(s.status()).append("</span> ")
                .append(text(s.name())).append(" <span class=\"where\">").append(text(s.location())).append(" &middot; ")
                .append(seconds(s.durationMs())).append("</span></summary>\n");
        if (s.failure() != null) {
            html.append("<pre class=\"failure\">").append(text(s.failure())).append("</pre>\n");
        }
        if (s.evidence() != null) {
            html.append("<p>Evidence: <a href=\"").append(text(s.evidence())).append("\">").append(text(s.evidence()))
                    .append("</a> (<a href=\"").append(text(s.evidence())).append("summary.txt\">summary.txt</a>: logs, topics, ")
                    .append("connectors, offsets, SQL)</p>\n");
        }
        if (!s.gaveUp().isEmpty()) {
            html.append("<p>When it ended:</p><ul class=\"gaveup\">");
            s.gaveUp().forEach(line -> html.append("<li>").append(text(line)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append(timelineChart(s));
        if (!s.statements().isEmpty()) {
            html.append("<table class=\"statements\"><thead><tr><th>#</th><th>at</th><th>took</th><th>binlog</th><th>statement</th>")
                    .append("<th>events</th></tr></thead><tbody>");
            for (ScenarioSummary.Statement statement : s.statements()) {
                long caused = s.events().stream().filter(e -> e.statement() == statement.number()).count();
                html.append("<tr").append(statement.failed() ? " class=\"failed\"" : "").append("><td>").append(statement.number())
                        .append("</td><td class=\"num\">").append(seconds(statement.atMs())).append("</td><td class=\"num\">")
                        .append(statement.tookMs()).append(" ms</td><td class=\"where\">").append(text(statement.binlogBefore()))
                        .append(statement.binlogAfter() == null ? "" : " &rarr; " + text(statement.binlogAfter()))
                        .append("</td><td><code>").append(text(statement.text())).append("</code></td><td class=\"num\">")
                        .append(caused).append("</td></tr>");
            }
            html.append("</tbody></table>\n");
        }
        if (!s.cut().isEmpty()) {
            html.append("<p class=\"cut\">Left out: ").append(text(String.join("; ", s.cut()))).append("</p>\n");
        }
        html.append("</details>\n");
    }

    /** The scenario's timeline: an SQL lane and one lane per topic, statements linked to the events they caused. */
    static String timelineChart(ScenarioSummary s) {
        List<String> topicOrder = new ArrayList<>();
        s.events().forEach(e -> {
            if (!topicOrder.contains(e.topic())) {
                topicOrder.add(e.topic());
            }
        });
        List<String> lanes = new ArrayList<>(topicOrder.subList(0, Math.min(topicOrder.size(), MAX_LANES)));
        boolean others = topicOrder.size() > MAX_LANES;
        if (others) {
            lanes.add("(" + (topicOrder.size() - MAX_LANES) + " more topics)");
        }
        double left = 230;
        double width = 1000;
        double laneHeight = 26;
        double top = 24;
        double height = top + laneHeight * (1 + lanes.size()) + (s.failed() ? 46 : 30);
        // The axis ends a little after the last statement, event or mark; a check that waited long after
        // them is drawn at the right edge with a break, so that the activity is not squeezed into a corner.
        long activity = 1;
        for (ScenarioSummary.Statement statement : s.statements()) {
            activity = Math.max(activity, statement.atMs() + statement.tookMs());
        }
        for (ScenarioSummary.Event event : s.events()) {
            activity = Math.max(activity, event.atMs());
        }
        for (ScenarioSummary.Mark mark : s.marks()) {
            activity = Math.max(activity, mark.atMs());
        }
        boolean quiet = s.statements().isEmpty() && s.events().isEmpty() && s.marks().isEmpty();
        boolean broken = !quiet && s.durationMs() > activity * 2 && s.durationMs() - activity > 200;
        long end = quiet ? Math.max(1, s.durationMs()) : broken ? activity : Math.max(activity, s.durationMs());
        end = (long) (end * (broken ? 1.12 : 1.03)) + 1;
        double plot = width - left - 20;
        final long span = end;
        java.util.function.LongFunction<Double> x = ms -> left + Math.max(0, Math.min(span, ms)) * plot / span;
        Svg svg = new Svg(width, height, "timeline of " + s.name(), "chart timeline-chart");
        // lanes
        svg.text(left - 8, top + laneHeight * 0.5 + 4, "SQL", "end", 11, "#1f2937");
        svg.rect(left, top, plot, laneHeight - 4, "#eff6ff", "");
        for (int i = 0; i < lanes.size(); i++) {
            double y = top + laneHeight * (i + 1);
            svg.rect(left, y, plot, laneHeight - 4, i % 2 == 0 ? "#f8fafc" : "#f1f5f9", "");
            svg.text(left - 8, y + laneHeight * 0.5 + 3, shorten(lanes.get(i), 34), "end", 10, "#374151");
        }
        // axis
        double axisY = top + laneHeight * (1 + lanes.size()) + 4;
        svg.line(left, axisY, left + plot, axisY, "#9ca3af", 1, null);
        long step = niceStep(span);
        for (long tick = 0; tick <= span; tick += step) {
            double tx = x.apply(tick);
            svg.line(tx, axisY, tx, axisY + 4, "#9ca3af", 1, null);
            svg.text(tx, axisY + 16, tick >= 1000 ? seconds(tick) : tick + " ms", "middle", 10, "#6b7280");
        }
        // statements
        Map<Integer, ScenarioSummary.Statement> byNumber = new LinkedHashMap<>();
        for (ScenarioSummary.Statement statement : s.statements()) {
            byNumber.put(statement.number(), statement);
            double sx = x.apply(statement.atMs());
            double sw = Math.max(3, x.apply(statement.atMs() + statement.tookMs()) - sx);
            svg.rect(sx, top + 3, sw, laneHeight - 10, statement.failed() ? FAILED_COLOUR : STATEMENT_COLOUR,
                    "#" + statement.number() + " at " + seconds(statement.atMs()) + ", took " + statement.tookMs() + " ms, binlog "
                            + statement.binlogBefore() + (statement.binlogAfter() == null ? "" : " -> " + statement.binlogAfter())
                            + "\n" + statement.text());
        }
        // links and events
        int links = 0;
        Map<Integer, Double> lastLabel = new java.util.HashMap<>();
        for (ScenarioSummary.Event event : s.events()) {
            int lane = lanes.indexOf(event.topic());
            if (lane < 0) {
                lane = lanes.size() - 1;
            }
            double ey = top + laneHeight * (lane + 1) + (laneHeight - 4) / 2;
            double ex = x.apply(event.atMs());
            ScenarioSummary.Statement cause = byNumber.get(event.statement());
            if (cause != null && links++ < 300) {
                double sx = x.apply(cause.atMs() + cause.tookMs());
                svg.line(sx, top + laneHeight - 7, ex, ey, "#94a3b8", 0.8, null);
                double free = lastLabel.getOrDefault(lane, -1000.0);
                if (ex - free >= 44) {
                    svg.text(ex + 7, ey + 3, event.latencyMs() + " ms", "start", 9, "#475569");
                    lastLabel.put(lane, ex);
                }
            }
        }
        for (ScenarioSummary.Event event : s.events()) {
            int lane = lanes.indexOf(event.topic());
            if (lane < 0) {
                lane = lanes.size() - 1;
            }
            double ey = top + laneHeight * (lane + 1) + (laneHeight - 4) / 2;
            svg.circle(x.apply(event.atMs()), ey, 4.5, OP_COLOURS.getOrDefault(event.op(), "#0f766e"), "#ffffff",
                    event.topic() + " @" + event.offset() + ": " + event.op() + " at " + seconds(event.atMs())
                            + (event.binlog() == null ? "" : ", binlog " + event.binlog())
                            + (event.statement() > 0 ? ", from statement #" + event.statement() + ": in Kafka " + event.latencyMs()
                            + " ms after its commit" + (event.debeziumLatencyMs() >= 0 ? " (Debezium read it after " + event.debeziumLatencyMs() + " ms)" : "") : "")
                            + ", " + event.bytes() + " bytes");
        }
        // marks and the end
        for (ScenarioSummary.Mark mark : s.marks()) {
            double mx = x.apply(mark.atMs());
            String colour = "fault".equalsIgnoreCase(mark.kind()) ? "#b91c1c" : "#6b7280";
            svg.line(mx, top - 4, mx, axisY, colour, 1.2, "4 3");
            svg.text(mx + 3, top - 8, mark.kind() + ": " + shorten(mark.text(), 40), "start", 10, colour);
        }
        if (s.failed()) {
            double fx = broken ? left + plot : x.apply(s.durationMs());
            svg.line(fx, top - 4, fx, axisY, FAILED_COLOUR, 2, null);
            svg.text(fx, axisY + 32, "gave up at " + seconds(s.durationMs())
                    + (broken ? " (" + seconds(s.durationMs() - activity) + " after the last activity)" : ""), "end", 10, FAILED_COLOUR);
        }
        if (broken) {
            double bx = left + plot - 14;
            svg.line(bx - 3, axisY + 4, bx + 3, axisY - 4, "#6b7280", 1.2, null);
            svg.line(bx + 1, axisY + 4, bx + 7, axisY - 4, "#6b7280", 1.2, null);
        }
        if (s.statements().isEmpty() && s.events().isEmpty()) {
            svg.text(left + plot / 2, top + laneHeight / 2 + 4, "no SQL and no records in this scenario", "middle", 11, "#6b7280");
        }
        return svg.toString();
    }

    static String histogram(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return "<p>No event could be linked to a statement yet.</p>";
        }
        int[] counts = new int[LATENCY_BINS.length];
        for (long latency : latencies) {
            int bin = 0;
            while (bin + 1 < LATENCY_BINS.length && latency >= LATENCY_BINS[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        double width = 600;
        double height = 200;
        double left = 40;
        double bottom = height - 40;
        double barWidth = (width - left - 10) / counts.length;
        Svg svg = new Svg(width, height, "commit to event latency histogram");
        svg.line(left, bottom, width - 10, bottom, "#9ca3af", 1, null);
        for (int i = 0; i < counts.length; i++) {
            double h = (bottom - 20) * counts[i] / max;
            double bx = left + i * barWidth + 4;
            String range = i + 1 < LATENCY_BINS.length ? LATENCY_BINS[i] + "-" + LATENCY_BINS[i + 1] + " ms" : ">= " + LATENCY_BINS[i] + " ms";
            svg.rect(bx, bottom - h, barWidth - 8, h, HISTOGRAM_COLOUR, counts[i] + " events with latency " + range);
            if (counts[i] > 0) {
                svg.text(bx + (barWidth - 8) / 2, bottom - h - 4, Integer.toString(counts[i]), "middle", 10, "#1f2937");
            }
            svg.text(bx + (barWidth - 8) / 2, bottom + 14, i + 1 < LATENCY_BINS.length ? "<" + LATENCY_BINS[i + 1] : ">=" + LATENCY_BINS[i],
                    "middle", 10, "#4b5563");
        }
        svg.text(left + (width - left) / 2, bottom + 32, "ms from the statement's commit to the event's Kafka timestamp", "middle", 11, "#374151");
        return svg + "<p class=\"help\">" + latencies.size() + " events linked to a statement: p50 " + percentile(latencies, 50)
                + " ms, p95 " + percentile(latencies, 95) + " ms, max " + latencies.get(latencies.size() - 1) + " ms. "
                + "The first record on a new topic waits while the topic is created and the producer learns of it; most scenarios "
                + "write to new topics, so first records weigh heavily here. Hover a dot in a timeline for when Debezium read the change.</p>";
    }

    static String bootChart(List<BootPhases.Boot> boots) {
        if (boots.isEmpty()) {
            return "<p>No stack booted in this run's JVM (it used a running stack).</p>";
        }
        StringBuilder html = new StringBuilder();
        for (int index = 0; index < boots.size(); index++) {
            if (index == OPEN_BOOTS) {
                int more = boots.size() - OPEN_BOOTS;
                html.append("<details><summary>").append(more).append(more == 1 ? " more boot" : " more boots").append(" in this run</summary>");
            }
            BootPhases.Boot boot = boots.get(index);
            List<BootPhases.Phase> phases = boot.phases();
            long end = 1;
            for (BootPhases.Phase phase : phases) {
                end = Math.max(end, phase.end().toMillis());
            }
            if (boot.total() != null) {
                end = Math.max(end, boot.total().toMillis());
            }
            double width = 600;
            double left = 80;
            double rowHeight = 24;
            double height = 30 + rowHeight * phases.size() + 24;
            double plot = width - left - 90;
            final long span = (long) (end * 1.02) + 1;
            Svg svg = new Svg(width, height, "boot phases of " + boot.stack());
            int row = 0;
            for (BootPhases.Phase phase : phases) {
                double y = 10 + row++ * rowHeight;
                double bx = left + phase.start().toMillis() * plot / span;
                double bw = Math.max(2, phase.took().toMillis() * plot / span);
                svg.text(left - 8, y + 15, phase.service(), "end", 11, "#1f2937");
                svg.rect(bx, y + 3, bw, rowHeight - 8, BOOT_COLOUR, phase.service() + " started at " + seconds(phase.start().toMillis())
                        + ", ready after " + seconds(phase.took().toMillis()));
                svg.text(bx + bw + 4, y + 15, seconds(phase.took().toMillis()), "start", 10, "#374151");
            }
            double axisY = 10 + rowHeight * phases.size() + 4;
            svg.line(left, axisY, left + plot, axisY, "#9ca3af", 1, null);
            if (boot.total() != null) {
                double tx = left + boot.total().toMillis() * plot / span;
                svg.line(tx, 6, tx, axisY, "#16a34a", 1.5, "3 2");
                svg.text(tx, axisY + 16, "ready at " + seconds(boot.total().toMillis()), "middle", 10, "#166534");
            }
            html.append("<p>").append(text(boot.stack())).append(", booted ").append(TIME.format(boot.began()))
                    .append(boot.total() == null ? ": did not get ready (its boot failed or was stopped; a test may do that on purpose)" : " in " + seconds(boot.total().toMillis())).append("</p>").append(svg);
        }
        if (boots.size() > OPEN_BOOTS) {
            html.append("</details>");
        }
        return html.toString();
    }

    private static void topics(StringBuilder html, List<ScenarioSummary> summaries) {
        Map<String, long[]> byTopic = new TreeMap<>(); // records, bytes, min, max, scenarios
        for (ScenarioSummary s : summaries) {
            for (ScenarioSummary.TopicStats stats : s.topics()) {
                long[] total = byTopic.computeIfAbsent(stats.topic(), t -> new long[] {0, 0, Long.MAX_VALUE, 0, 0});
                total[0] += stats.records();
                total[1] += stats.bytes();
                total[2] = Math.min(total[2], stats.minBytes());
                total[3] = Math.max(total[3], stats.maxBytes());
                total[4]++;
            }
        }
        html.append("<section id=\"topics\"><h2>Topics</h2>");
        if (byTopic.isEmpty()) {
            html.append("<p>No scenario wrote to a topic.</p></section>\n");
            return;
        }
        long maxAverage = 1;
        for (long[] total : byTopic.values()) {
            maxAverage = Math.max(maxAverage, total[0] == 0 ? 0 : total[1] / total[0]);
        }
        html.append("<p class=\"help\">Across all scenarios of this run (a topic of the same name in several scenarios is summed). "
                + "Bytes are the serialized key, value and headers as stored.</p>");
        html.append("<table class=\"topics\"><thead><tr><th>topic</th><th>scenarios</th><th>records</th><th>bytes</th>")
                .append("<th>bytes per record</th><th>min</th><th>max</th><th></th></tr></thead><tbody>");
        for (Map.Entry<String, long[]> entry : byTopic.entrySet()) {
            long[] t = entry.getValue();
            long average = t[0] == 0 ? 0 : t[1] / t[0];
            Svg bar = new Svg(160, 14, "bytes per record of " + entry.getKey(), "chart bar");
            bar.rect(0, 2, 160.0 * average / maxAverage, 10, "#6366f1", average + " bytes per record");
            html.append("<tr><td>").append(text(entry.getKey())).append("</td><td class=\"num\">").append(t[4]).append("</td><td class=\"num\">")
                    .append(t[0]).append("</td><td class=\"num\">").append(t[1]).append("</td><td class=\"num\">").append(average)
                    .append("</td><td class=\"num\">").append(t[2] == Long.MAX_VALUE ? 0 : t[2]).append("</td><td class=\"num\">").append(t[3])
                    .append("</td><td>").append(bar).append("</td></tr>");
        }
        html.append("</tbody></table></section>\n");
    }

    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static long niceStep(long span) {
        long[] steps = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000};
        for (long step : steps) {
            if (span / step <= 10) {
                return step;
            }
        }
        return Math.max(1, span / 10);
    }

    static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", Duration.ofMillis(millis).toMillis() / 1000.0);
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }

    private static String text(String value) {
        return Html.escape(Secrets.scrub(value));
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 24px 40px;color:#111827;background:#fff}
            header{border-bottom:1px solid #e5e7eb;margin-bottom:12px}h1{margin:16px 0 4px;font-size:24px}h2{font-size:18px;margin:24px 0 8px}
            .totals .bad{color:#b91c1c;font-weight:600}ul.failed-list{list-style:none;padding:0;margin:4px 0 10px}ul.failed-list li{margin:3px 0}
            ul.failed-list .status{color:#fff;background:#dc2626}.totals .good{color:#15803d;font-weight:600}.links{color:#6b7280}
            table{border-collapse:collapse;margin:6px 0 12px}th,td{padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
            th{background:#f9fafb;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.failed td.status,details.failed>summary .status{color:#fff;background:#dc2626}tr.passed td.status,details.passed>summary .status{color:#166534;background:#dcfce7}
            tr.skipped td.status,tr.aborted td.status,details.skipped>summary .status,details.aborted>summary .status{background:#fef9c3}
            .status{font-weight:600;font-size:12px;padding:2px 6px;border-radius:3px}.where{color:#6b7280;font-size:12px}.kind{font-size:11px;color:#6b7280;border:1px solid #d1d5db;border-radius:3px;padding:0 3px}
            details.timeline{border:1px solid #e5e7eb;border-radius:6px;margin:8px 0;padding:6px 10px}details.failed{border-color:#fca5a5}
            summary{cursor:pointer;font-weight:500}pre.failure{background:#fef2f2;border-left:3px solid #dc2626;padding:8px;white-space:pre-wrap;font-size:12px;max-height:420px;overflow:auto}
            code{font-size:12px}.help{color:#4b5563;font-size:13px;max-width:1000px}.cut{color:#92400e;font-size:12px}svg.chart{display:block;margin:6px 0;max-width:100%;height:auto}
            svg.bar{display:inline-block;margin:0}table.statements{font-size:12px}table.statements tr.failed{background:#fef2f2}
            .overview{display:flex;flex-wrap:wrap;gap:8px 40px}.overview section{flex:0 1 620px}
            footer{margin-top:32px;color:#9ca3af;font-size:12px}input#filter{padding:4px 8px;width:320px}
            """;

    /** Filtering by name, and a check the browser test reads: how many rows and visible pictures there are. */
    private static final String SCRIPT = """
            (function(){var f=document.getElementById('filter');if(f){f.addEventListener('input',function(){var q=f.value.toLowerCase();
            document.querySelectorAll('tr.scenario').forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});}
            function check(){var drawn=0;document.querySelectorAll('svg.chart').forEach(function(s){var b=s.getBoundingClientRect();
            var shown=s.checkVisibility?s.checkVisibility():true;if(shown&&b.width>0&&b.height>0&&s.childElementCount>0){drawn++;}});document.body.setAttribute('data-rows',document.querySelectorAll('tr.scenario').length);
            document.body.setAttribute('data-pictures-drawn',drawn);}
            if(document.readyState==='complete'){check();}else{window.addEventListener('load',check);}})();
            """;
}
