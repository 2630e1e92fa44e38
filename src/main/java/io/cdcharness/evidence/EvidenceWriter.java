package io.cdcharness.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.sql.Database;
import io.cdcharness.stack.Secrets;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one evidence folder, within a {@link Budget}, most important parts first: the failure, the SQL
 * with binlog positions, the positions and connectors, the topics as JSON lines, then the scenario's
 * part of each service log. Whatever does not fit is cut in the middle (the start and the end stay) and
 * named in {@code summary.txt}, which is written last. Every text is masked ({@link Secrets}).
 */
final class EvidenceWriter {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();
    /** Below this a folder would be useless: only the summary is written. */
    static final long MINIMUM_FOLDER = 32 * 1024;
    private static final long SUMMARY_RESERVE = 16 * 1024;

    private final ScenarioRun run;
    private final Path folder;
    private final Budget budget;
    private final Map<String, String> files = new LinkedHashMap<>();

    private EvidenceWriter(ScenarioRun run, Path folder, Budget budget) {
        this.run = run;
        this.folder = folder;
        this.budget = budget;
    }

    /**
     * Writes the folder and returns the bytes it took. {@code runCutNote} is non-null when the run's
     * limit is used up: then only {@code summary.txt} is written, saying so.
     */
    static long write(ScenarioRun run, String status, Throwable failure, Snapshot snapshot, Budget budget, String runCutNote) {
        Path folder = run.evidenceFolder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the evidence folder " + folder, e);
        }
        EvidenceWriter writer = new EvidenceWriter(run, folder, budget);
        budget.spend(SUMMARY_RESERVE);
        if (runCutNote == null) {
            writer.writeFailure(failure);
            writer.writeSql();
            writer.writePositions(snapshot);
            writer.writeConnectors(snapshot);
            writer.writeTopics(snapshot);
            writer.writeLogs();
        }
        budget.spend(-SUMMARY_RESERVE);
        writer.writeSummary(status, failure, snapshot, runCutNote);
        return budget.spent();
    }

    private void writeFailure(Throwable failure) {
        if (failure == null) {
            return;
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        writeText("failure.txt", "the failure with its stack trace", Secrets.scrub(trace.toString()), budget.allowance(0.05));
    }

    private void writeSql() {
        List<Database.StatementRun> statements = run.statements();
        StringBuilder text = new StringBuilder("# The SQL of ").append(run.kind()).append(" \"").append(run.name()).append("\", in order.\n")
                .append("# Each statement with the time it returned (for an autocommit statement: its commit), how long it took, and the\n")
                .append("# binlog position before and after it; its change events carry a source.file/source.pos in that range.\n");
        if (statements.isEmpty()) {
            text.append("\n(The scenario ran no SQL on its session.)\n");
        }
        int number = 0;
        for (Database.StatementRun statement : statements) {
            number++;
            text.append('\n').append('#').append(number).append("  ").append(CLOCK.format(statement.finished()))
                    .append(String.format(Locale.ROOT, "  +%.3f s", Duration.between(run.started(), statement.started()).toMillis() / 1000.0))
                    .append(String.format(Locale.ROOT, "  took %d ms", Duration.between(statement.started(), statement.finished()).toMillis()))
                    .append("  statement ").append(statement.index()).append(" of ").append(statement.count())
                    .append(statement.line() == null ? "" : " (" + statement.line() + ")")
                    .append("  binlog ").append(statement.before()).append(" -> ")
                    .append(statement.after() == null ? (statement.failed() ? "(failed)" : "(not read)") : statement.after().toString())
                    .append('\n');
            text.append("    ").append(statement.text().replace("\n", "\n    ")).append('\n');
            if (statement.failed()) {
                text.append("    FAILED: ").append(statement.error()).append('\n');
            }
        }
        if (run.statementsNotKept() > 0) {
            text.append("\n(").append(run.statementsNotKept()).append(" more statements ran; a scenario keeps its first ")
                    .append(ScenarioRun.MAX_STATEMENTS).append(".)\n");
        }
        writeText("sql.txt", statements.size() + " statements with their binlog positions", Secrets.scrub(text.toString()),
                budget.allowance(0.10));
    }

    private void writePositions(Snapshot snapshot) {
        ObjectNode node = JSON.createObjectNode();
        node.put("readAt", TIME.format(snapshot.at));
        ObjectNode server = node.putObject("server");
        server.put("statement", snapshot.binlogStatusStatement);
        snapshot.binlogStatus.forEach((key, value) -> server.put(key, String.valueOf(value)));
        if (!snapshot.gtidPosition.isEmpty()) {
            server.put("gtid_binlog_pos", snapshot.gtidPosition);
        }
        ObjectNode stored = node.putObject("storedOffsets");
        snapshot.connectors.forEach((name, connector) -> stored.set(name, connector.path("offsets")));
        var lines = node.putArray("summary");
        snapshot.positionLines.forEach(lines::add);
        writeText("positions.json", "the server's binlog position and each connector's stored offsets", json(node), budget.allowance(0.05));
    }

    private void writeConnectors(Snapshot snapshot) {
        for (Map.Entry<String, ObjectNode> connector : snapshot.connectors.entrySet()) {
            writeText("connectors/" + safe(connector.getKey()) + ".json", "status, config (secrets masked), task configs and stored offsets",
                    Secrets.scrub(json(connector.getValue())), budget.allowance(0.10 / Math.max(1, snapshot.connectors.size())));
        }
    }

    private void writeTopics(Snapshot snapshot) {
        long allowance = budget.allowance(0.40);
        int left = snapshot.topics.size();
        for (Map.Entry<String, List<RecordedRecord>> topic : snapshot.topics.entrySet()) {
            long share = allowance / Math.max(1, left--);
            long before = budget.remaining();
            writeTopic(topic.getKey(), topic.getValue(), share);
            allowance -= before - budget.remaining();
        }
    }

    private void writeTopic(String topic, List<RecordedRecord> records, long allowance) {
        List<String> lines = new ArrayList<>(records.size());
        long total = 0;
        for (RecordedRecord record : records) {
            String line = Secrets.scrub(recordLine(record)) + "\n";
            lines.add(line);
            total += line.getBytes(StandardCharsets.UTF_8).length;
        }
        String name = "topics/" + safe(topic) + ".jsonl";
        String what = records.size() + " records (key, value, headers, offset, timestamp)";
        if (total <= allowance) {
            write(name, what, String.join("", lines));
            return;
        }
        // Keep the first and the last records, cut the middle.
        StringBuilder head = new StringBuilder();
        StringBuilder tail = new StringBuilder();
        int first = 0;
        long headBytes = 0;
        while (first < lines.size() && headBytes + bytes(lines.get(first)) <= allowance / 2) {
            headBytes += bytes(lines.get(first));
            head.append(lines.get(first++));
        }
        int last = lines.size();
        long tailBytes = 0;
        while (last > first && tailBytes + bytes(lines.get(last - 1)) <= allowance / 2) {
            tailBytes += bytes(lines.get(last - 1));
            last--;
        }
        for (int i = last; i < lines.size(); i++) {
            tail.append(lines.get(i));
        }
        int cutCount = last - first;
        String from = cutCount > 0 ? records.get(first).where() : "";
        String to = cutCount > 0 ? records.get(last - 1).where() : "";
        ObjectNode cut = JSON_LINE.createObjectNode();
        ObjectNode detail = cut.putObject("_cut");
        detail.put("records", cutCount);
        detail.put("from", from);
        detail.put("to", to);
        detail.put("reason", budget.why());
        write(name, what + ", " + cutCount + " cut", head + jsonLine(cut) + "\n" + tail);
        budget.cut(name + ": " + cutCount + " of " + records.size() + " records left out (" + from + " to " + to + "); the first and last are kept");
    }

    private static long bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }

    static String recordLine(RecordedRecord record) {
        ObjectNode node = JSON_LINE.createObjectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", record.timestamp());
        node.put("time", TIME.format(Instant.ofEpochMilli(record.timestamp())));
        putBytes(node, "key", record.key(), record.rawKeyJson());
        putBytes(node, "value", record.value(), record.rawValueJson());
        ObjectNode headers = node.putObject("headers");
        record.headers().forEach((name, value) -> {
            if (value == null) {
                headers.putNull(name);
            } else if (isText(value)) {
                headers.put(name, new String(value, StandardCharsets.UTF_8));
            } else {
                headers.putObject(name).put("base64", Base64.getEncoder().encodeToString(value));
            }
        });
        return jsonLine(node);
    }

    private static void putBytes(ObjectNode node, String field, byte[] bytes, JsonNode parsed) {
        if (bytes == null) {
            node.putNull(field);
        } else if (parsed != null && !parsed.isTextual()) {
            node.set(field, parsed);
        } else if (isText(bytes)) {
            node.put(field, new String(bytes, StandardCharsets.UTF_8));
        } else {
            node.putObject(field).put("base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static boolean isText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private void writeLogs() {
        Map<String, Path> logs;
        try {
            logs = run.harness().stack().logs();
        } catch (RuntimeException e) {
            files.put("logs/", "the stack could not list its logs: " + e.getMessage());
            return;
        }
        int left = logs.size();
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            long share = budget.remaining() / Math.max(1, left--);
            writeLog(log.getKey(), log.getValue(), run.logOffsets().getOrDefault(log.getKey(), 0L), share);
        }
    }

    private void writeLog(String service, Path log, long startOffset, long allowance) {
        String name = "logs/" + safe(service) + ".log";
        if (!Files.isRegularFile(log)) {
            files.put(name, "not written: " + log + " does not exist");
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = startOffset <= length ? startOffset : 0; // a service started again writes a new log
            String note;
            if (length - from == 0) {
                from = lastLinesStart(file, length, 100);
                note = "nothing was logged during the " + run.kind() + "; the last lines before it";
            } else {
                note = "the " + run.kind() + "'s part, from byte " + from + " of " + log;
            }
            long part = length - from;
            String text;
            if (part <= allowance) {
                text = read(file, from, (int) part);
            } else {
                int head = (int) Math.max(0, allowance / 4);
                int tail = (int) Math.max(0, allowance - head - 512);
                String cutLine = "\n[... cut: " + (part - head - tail) + " bytes of this log left out here; " + budget.why() + " ...]\n";
                text = read(file, from, head) + cutLine + read(file, length - tail, tail);
                budget.cut(name + ": " + (part - head - tail) + " of " + part + " bytes left out in the middle; the start and the end are kept");
                note += ", cut in the middle";
            }
            write(name, note, Secrets.scrub(text));
        } catch (IOException e) {
            files.put(name, "not written: " + e.getMessage());
        }
    }

    private static long lastLinesStart(RandomAccessFile file, long length, int lines) throws IOException {
        long position = length;
        int seen = 0;
        byte[] buffer = new byte[8192];
        while (position > 0) {
            int chunk = (int) Math.min(buffer.length, position);
            position -= chunk;
            file.seek(position);
            file.readFully(buffer, 0, chunk);
            for (int i = chunk - 1; i >= 0; i--) {
                if (buffer[i] == '\n' && ++seen > lines) {
                    return position + i + 1;
                }
            }
        }
        return 0;
    }

    private static String read(RandomAccessFile file, long from, int length) throws IOException {
        byte[] bytes = new byte[Math.max(0, length)];
        file.seek(from);
        file.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void writeSummary(String status, Throwable failure, Snapshot snapshot, String runCutNote) {
        StringBuilder text = new StringBuilder();
        text.append("Evidence of a ").append(status.toLowerCase(Locale.ROOT)).append(' ').append(run.kind()).append('\n')
                .append("  name:     ").append(run.name()).append('\n')
                .append("  where:    ").append(run.location()).append('\n')
                .append("  status:   ").append(status).append(" after ")
                .append(String.format(Locale.ROOT, "%.2f s", Duration.between(run.started(), snapshot.at).toMillis() / 1000.0))
                .append(" (began ").append(TIME.format(run.started())).append(")\n");
        try {
            text.append("  stack:    ").append(run.harness().stack().describe()).append('\n');
        } catch (RuntimeException ignored) {
            // described elsewhere
        }
        if (failure != null) {
            List<String> lines = String.valueOf(failure.getMessage()).lines().toList();
            text.append("\nFailure (").append(failure.getClass().getName()).append("):\n");
            lines.stream().limit(80).forEach(line -> text.append("  ").append(line).append('\n'));
            if (lines.size() > 80) {
                text.append("  ... ").append(lines.size() - 80).append(" more lines in failure.txt\n");
            }
        }
        if (!snapshot.positionLines.isEmpty()) {
            text.append("\nWhere the pipeline stood at the end:\n");
            snapshot.positionLines.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        if (runCutNote != null) {
            text.append("\nOnly this summary was kept: ").append(runCutNote).append('\n');
        } else {
            text.append("\nFiles:\n");
            files.forEach((name, what) -> text.append(String.format(Locale.ROOT, "  %-44s %s%n", name + sizeOf(name), what)));
        }
        if (!snapshot.problems.isEmpty()) {
            text.append("\nCould not read:\n");
            snapshot.problems.forEach(problem -> text.append("  ").append(problem).append('\n'));
        }
        if (!budget.cuts().isEmpty()) {
            text.append("\nCut to stay within the limits:\n");
            budget.cuts().forEach(cut -> text.append("  ").append(cut).append('\n'));
        }
        String summary = Secrets.scrub(text.toString());
        writeRaw("summary.txt", summary);
        budget.spend(summary.getBytes(StandardCharsets.UTF_8).length);
    }

    private String sizeOf(String name) {
        try {
            Path file = folder.resolve(name);
            return Files.isRegularFile(file) ? " (" + human(Files.size(file)) + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** Writes a text part within its allowance, cutting the middle when it is longer. */
    private void writeText(String name, String what, String text, long allowance) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= allowance) {
            write(name, what, text);
            return;
        }
        int head = (int) (allowance / 2);
        int tail = (int) Math.max(0, allowance - head - 256);
        String cut = new String(bytes, 0, head, StandardCharsets.UTF_8) + "\n[... cut: " + (bytes.length - head - tail)
                + " bytes left out here; " + budget.why() + " ...]\n"
                + new String(bytes, bytes.length - tail, tail, StandardCharsets.UTF_8);
        budget.cut(name + ": " + (bytes.length - head - tail) + " of " + bytes.length + " bytes left out in the middle");
        write(name, what + ", cut in the middle", cut);
    }

    private void write(String name, String what, String text) {
        writeRaw(name, text);
        budget.spend(text.getBytes(StandardCharsets.UTF_8).length);
        files.put(name, what);
    }

    private void writeRaw(String name, String text) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonLine(JsonNode node) {
        try {
            return JSON_LINE.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name for a topic or connector: its own name, with anything but letters, digits, dot, dash and underscore replaced. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
