package io.cdcharness.evidence;

import io.cdcharness.CdcHarness;
import io.cdcharness.sql.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario (or JUnit test) while it runs: what it is called, where it is, when it began, the SQL it
 * ran with the binlog position after each statement, marks on its timeline (faults, notes), and where
 * each service log stood when it began (so that evidence keeps only the scenario's part of the logs).
 * Made by {@link Evidence#begin}; read by {@link Evidence#finish}.
 */
public final class ScenarioRun {
    /** Statements kept per scenario; a bulk script beyond this is counted, not kept. */
    static final int MAX_STATEMENTS = 5000;

    /** A point on the scenario's timeline that is not SQL or an event: a fault, a note. */
    public record Mark(Instant at, String kind, String text) {
    }

    private final CdcHarness harness;
    private final String name;
    private final String location;
    private final String kind;
    private final String folderName;
    private final Path reportsDir;
    private final Instant started = Instant.now();
    private final Map<String, Long> logOffsets = new LinkedHashMap<>();
    private final List<Database.StatementRun> statements = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private int statementsNotKept;

    ScenarioRun(CdcHarness harness, String name, String location, String kind, String folderName, Path reportsDir) {
        this.harness = harness;
        this.name = name;
        this.location = location;
        this.kind = kind;
        this.folderName = folderName;
        this.reportsDir = reportsDir;
        try {
            harness.stack().logs().forEach((service, log) -> logOffsets.put(service, sizeOf(log)));
        } catch (RuntimeException ignored) {
            // a stack that cannot list its logs gives whole logs, cut to size
        }
    }

    private static long sizeOf(Path log) {
        try {
            return Files.isRegularFile(log) ? Files.size(log) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    synchronized void statementRan(Database.StatementRun statement) {
        if (statements.size() < MAX_STATEMENTS) {
            statements.add(statement);
        } else {
            statementsNotKept++;
        }
    }

    synchronized void mark(String markKind, String text) {
        marks.add(new Mark(Instant.now(), markKind, text));
    }

    public CdcHarness harness() {
        return harness;
    }

    /** The scenario's name (or the test's display name). */
    public String name() {
        return name;
    }

    /** {@code features/shop.feature:12}, or {@code com.example.OrderCdcTest#aCancelledOrderIsCaptured}. */
    public String location() {
        return location;
    }

    /** {@code scenario} (Gherkin) or {@code test} (JUnit). */
    public String kind() {
        return kind;
    }

    public Instant started() {
        return started;
    }

    /** The evidence folder this scenario gets if it fails (it exists only then). */
    public Path evidenceFolder() {
        return reportsDir.resolve("evidence").resolve(folderName);
    }

    /** The evidence folder as a person reads it in a failure message: relative to the working directory when inside it. */
    public String evidenceLink() {
        Path folder = evidenceFolder().toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return (folder.startsWith(here) ? here.relativize(folder) : folder) + "/";
    }

    Path reportsDir() {
        return reportsDir;
    }

    String folderName() {
        return folderName;
    }

    synchronized List<Database.StatementRun> statements() {
        return List.copyOf(statements);
    }

    synchronized int statementsNotKept() {
        return statementsNotKept;
    }

    synchronized List<Mark> marks() {
        return List.copyOf(marks);
    }

    Map<String, Long> logOffsets() {
        return Map.copyOf(logOffsets);
    }
}
