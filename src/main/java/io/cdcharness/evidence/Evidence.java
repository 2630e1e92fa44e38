package io.cdcharness.evidence;

import io.cdcharness.CdcHarness;
import io.cdcharness.report.ReportPage;
import io.cdcharness.report.ScenarioSummary;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Evidence that outlives the run. Between {@link #begin} and {@link #finish} the harness records the
 * scenario's SQL with binlog positions; at the end it adds the scenario to the CDC report
 * ({@code reports/index.html}) and, when the scenario failed, writes its evidence folder under
 * {@code reports/evidence/<scenario>/}: the scenario's part of each service log, every topic it touched
 * as JSON lines, each connector's status, config (secrets masked), task configs and stored offsets,
 * the server's binlog position, and the SQL with the binlog position of each statement. Failure
 * messages of the harness's checks name the folder while the scenario runs.
 *
 * <p>The Cucumber glue and {@code @CdcTest} call this for you. Code that drives the DSL itself does:
 *
 * <pre>{@code
 * ScenarioRun run = Evidence.begin(cdc, "orders are captured", "OrdersTest#ordersAreCaptured");
 * Throwable failure = null;
 * try {
 *     cdc.execute("INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new')");
 *     cdc.topic("shop.shop.orders").receives(EventExpectation.create());
 * } catch (Throwable t) {
 *     failure = t;
 *     throw t;
 * } finally {
 *     Evidence.finish(run, failure == null ? "PASSED" : "FAILED", failure);  // reports/evidence/orders-are-captured/
 * }
 * }</pre>
 *
 * Settings: {@code cdc.reports.dir} (where), {@code cdc.evidence} ({@code failed}, {@code all} or
 * {@code none}), {@code cdc.evidence.scenario.limit} and {@code cdc.evidence.run.limit} (how much; what
 * is cut is named in the folder's {@code summary.txt} and in the report). A passing run leaves no folder.
 */
public final class Evidence {
    private static final Object LOCK = new Object();
    /** The scenario each thread records (scenarios run in parallel on a pool of stacks), and every one being recorded. */
    private static final ThreadLocal<ScenarioRun> CURRENT = new ThreadLocal<>();
    private static final Set<ScenarioRun> ACTIVE = new java.util.LinkedHashSet<>();
    private static final Map<Path, RunState> RUNS = new HashMap<>();

    /** The report is written at once after a failure, else at most this often, and when the JVM ends. */
    private static final long REPORT_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    /** What one reports directory holds for this JVM: the scenarios so far, the evidence bytes spent, the folder names taken. */
    private static final class RunState {
        final List<ScenarioSummary> summaries = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        long evidenceBytes;
        int summaryOnly;
        long reportWritten;
        boolean reportBehind;
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Evidence::writeReports, "cdc-harness-report"));
    }

    /** What {@link #finish} did: the evidence folder (when one was kept) and the report it updated. */
    public record Outcome(Optional<Path> folder, Path report) {
    }

    private Evidence() {
    }

    /**
     * Starts recording a scenario on the harness: its SQL (with binlog positions) and where each service
     * log stands. Call it after the clean slate, before the scenario's own steps.
     *
     * @param name     the scenario's name or the test's display name
     * @param location where it is written: {@code features/shop.feature:12} or {@code ShopTest#newCustomer}
     */
    public static ScenarioRun begin(CdcHarness harness, String name, String location) {
        return begin(harness, name, location, "scenario");
    }

    /** As {@link #begin(CdcHarness, String, String)}, with the kind shown in the report ({@code scenario} or {@code test}). */
    public static ScenarioRun begin(CdcHarness harness, String name, String location, String kind) {
        Settings settings = Settings.load();
        Path reports = settings.reportsDir();
        ScenarioRun run;
        synchronized (LOCK) {
            RunState state = RUNS.computeIfAbsent(reports, dir -> {
                deleteTree(dir.resolve("evidence")); // evidence of an earlier run would be mistaken for this one's
                return new RunState();
            });
            String folder = uniqueName(state, folderName(name, location));
            run = new ScenarioRun(harness, name, location, kind, folder, reports);
            CURRENT.set(run);
            ACTIVE.add(run);
        }
        harness.database().onStatement(run::statementRan);
        harness.faults().onFault(text -> run.mark("fault", text));
        return run;
    }

    /** The scenario this thread records now; on a thread of none, the one scenario being recorded, if there is exactly one. */
    public static Optional<ScenarioRun> current() {
        synchronized (LOCK) {
            ScenarioRun own = CURRENT.get();
            if (own != null) {
                return Optional.of(own);
            }
            return ACTIVE.size() == 1 ? Optional.of(ACTIVE.iterator().next()) : Optional.empty();
        }
    }

    /**
     * Puts a mark on the current scenario's timeline in the report: a fault the scenario caused, a note.
     * Does nothing when no scenario is being recorded.
     *
     * <pre>{@code
     * Evidence.mark("fault", "Connect worker killed");
     * }</pre>
     */
    public static void mark(String kind, String text) {
        current().ifPresent(run -> run.mark(kind, text));
    }

    /**
     * Ends the scenario: adds it to {@code reports/index.html} and, when it failed (or {@code cdc.evidence=all}),
     * writes its evidence folder. Never throws: a problem with the evidence is logged, and the scenario's own
     * outcome stands.
     *
     * @param status  PASSED, FAILED, SKIPPED or ABORTED
     * @param failure what failed, or null
     */
    public static Outcome finish(ScenarioRun run, String status, Throwable failure) {
        synchronized (LOCK) {
            ACTIVE.remove(run);
            if (CURRENT.get() == run) {
                CURRENT.remove();
            }
        }
        try {
            run.harness().database().onStatement(null);
            run.harness().faults().onFault(null);
        } catch (RuntimeException ignored) {
            // a closed harness records nothing anyway
        }
        Path report = run.reportsDir().resolve("index.html");
        Optional<Path> folder = Optional.empty();
        try {
            Settings settings = Settings.load();
            String mode = settings.get(Settings.Key.EVIDENCE).toLowerCase(Locale.ROOT);
            boolean failed = "FAILED".equals(status);
            boolean keep = switch (mode) {
                case "none" -> false;
                case "all" -> true;
                case "failed" -> failed;
                default -> throw new IllegalArgumentException("cdc.evidence=" + mode + " is not known. Use failed (the default), all or none.");
            };
            Snapshot snapshot = keep ? Snapshot.full(run.harness()) : Snapshot.topics(run.harness(), false);
            List<String> cuts = List.of();
            String link = null;
            if (keep) {
                Budget budget;
                String runCut = null;
                synchronized (LOCK) {
                    RunState state = RUNS.get(run.reportsDir());
                    long runLimit = settings.bytes(Settings.Key.EVIDENCE_RUN_LIMIT);
                    long left = runLimit - state.evidenceBytes;
                    long scenarioLimit = settings.bytes(Settings.Key.EVIDENCE_SCENARIO_LIMIT);
                    if (left < EvidenceWriter.MINIMUM_FOLDER) {
                        state.summaryOnly++;
                        runCut = "the evidence of this run reached cdc.evidence.run.limit=" + settings.get(Settings.Key.EVIDENCE_RUN_LIMIT)
                                + " before this " + run.kind() + " failed (" + state.summaryOnly + " failure"
                                + (state.summaryOnly == 1 ? "" : "s") + " so far kept only a summary). Raise the limit, or run this "
                                + run.kind() + " alone, to keep everything.";
                        budget = new Budget(EvidenceWriter.MINIMUM_FOLDER, "cdc.evidence.run.limit");
                    } else if (left < scenarioLimit) {
                        budget = new Budget(left, "what was left of cdc.evidence.run.limit=" + settings.get(Settings.Key.EVIDENCE_RUN_LIMIT));
                    } else {
                        budget = new Budget(scenarioLimit, "cdc.evidence.scenario.limit=" + settings.get(Settings.Key.EVIDENCE_SCENARIO_LIMIT));
                    }
                }
                long spent = EvidenceWriter.write(run, status, failure, snapshot, budget, runCut);
                synchronized (LOCK) {
                    RUNS.get(run.reportsDir()).evidenceBytes += spent;
                }
                folder = Optional.of(run.evidenceFolder());
                link = "evidence/" + run.folderName() + "/";
                cuts = runCut != null ? List.of("evidence: only summary.txt was kept; " + runCut) : budget.cuts();
                HarnessLog.info("evidence of the failed " + run.kind() + " \"" + run.name() + "\": " + run.evidenceLink());
            }
            ScenarioSummary summary = Summaries.build(run, status, failure, snapshot, link, cuts);
            List<ScenarioSummary> all = null;
            synchronized (LOCK) {
                RunState state = RUNS.get(run.reportsDir());
                state.summaries.add(summary);
                // Rewriting a report of hundreds of scenarios after each one would cost more than the scenarios.
                if (keep || state.reportWritten == 0 || System.nanoTime() - state.reportWritten >= REPORT_EVERY_NANOS) {
                    all = List.copyOf(state.summaries);
                    state.reportWritten = System.nanoTime();
                    state.reportBehind = false;
                } else {
                    state.reportBehind = true;
                }
            }
            if (all != null) {
                ReportPage.write(report, all);
            }
        } catch (RuntimeException e) {
            HarnessLog.warn("could not keep the evidence or update the report for \"" + run.name() + "\": " + e
                    + " (the " + run.kind() + "'s own result stands)");
        }
        return new Outcome(folder, report);
    }

    /**
     * Brings every {@code index.html} of this JVM up to date. After a failure the report is written at once;
     * after passing scenarios at most every 5 s, and by this method, which also runs when the JVM ends.
     */
    public static void writeReports() {
        Map<Path, List<ScenarioSummary>> behind = new HashMap<>();
        synchronized (LOCK) {
            RUNS.forEach((dir, state) -> {
                if (state.reportBehind) {
                    behind.put(dir, List.copyOf(state.summaries));
                    state.reportBehind = false;
                    state.reportWritten = System.nanoTime();
                }
            });
        }
        behind.forEach((dir, summaries) -> {
            try {
                ReportPage.write(dir.resolve("index.html"), summaries);
            } catch (RuntimeException e) {
                HarnessLog.warn("could not write the CDC report " + dir.resolve("index.html") + ": " + e.getMessage());
            }
        });
    }

    /** The evidence folder of a scenario: its name, made safe for a file name. */
    static String folderName(String name, String location) {
        String base = name == null || name.isBlank() ? location : name;
        String safe = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80).replaceAll("[-.]+$", "");
        }
        return safe.isEmpty() ? "scenario" : safe;
    }

    private static String uniqueName(RunState state, String wanted) {
        String name = wanted;
        for (int i = 2; !state.names.add(name); i++) {
            name = wanted + "-" + i;
        }
        return name;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // left for the next run
                }
            });
        } catch (IOException ignored) {
            // left for the next run
        }
    }
}
