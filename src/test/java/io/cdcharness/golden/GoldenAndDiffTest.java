package io.cdcharness.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.kafka.RecordedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenAndDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordedRecord record(String value) {
        return new RecordedRecord("t", 0, 0, 0, "{\"id\":1}".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void runToRunFieldsAreNormalisedAndTheRestIsKept() {
        JsonNode normalized = EventNormalizer.normalize(record("""
                {"before":null,"after":{"id":1,"ts_ms":5},"op":"c","ts_ms":1,"ts_us":2,
                 "source":{"version":"3.4.0.Final","file":"mysql-bin.000003","pos":1234,"gtid":"a:1","server_id":5400,"thread":9,"row":0},
                 "transaction":{"id":"tx-9","total_order":1}}"""));
        assertThat(normalized.toString()).isEqualTo("{\"key\":{\"id\":1},\"value\":{\"before\":null,\"after\":{\"id\":1,\"ts_ms\":\"<ts>\"},"
                + "\"op\":\"c\",\"ts_ms\":\"<ts>\",\"ts_us\":\"<ts>\",\"source\":{\"version\":\"3.4.0.Final\",\"file\":\"<position>\","
                + "\"pos\":\"<position>\",\"gtid\":\"<gtid>\",\"server_id\":\"<server_id>\",\"thread\":\"<position>\",\"row\":0},"
                + "\"transaction\":{\"id\":\"<txid>\",\"total_order\":1}}}");
    }

    @Test
    void aGoldenFileFailsWithTheFieldThatDiffers(@TempDir Path dir) {
        Path file = dir.resolve("golden.json");
        GoldenEvents.write(file, List.of(record("{\"op\":\"c\",\"after\":{\"tier\":\"gold\"},\"ts_ms\":1}")));
        GoldenEvents.compare("t", file, List.of(record("{\"op\":\"c\",\"after\":{\"tier\":\"gold\"},\"ts_ms\":2}")));
        assertThatThrownBy(() -> GoldenEvents.compare("t", file, List.of(record("{\"op\":\"c\",\"after\":{\"tier\":\"silver\"},\"ts_ms\":2}"))))
                .hasMessageContaining("#0 value.after.tier: golden \"gold\" but was \"silver\"");
        assertThatThrownBy(() -> GoldenEvents.compare("t", dir.resolve("missing.json"), List.of()))
                .hasMessageContaining("does not exist. Record it from this run with -Dcdc.golden.update=true");
    }

    @Test
    void theUpgradeDiffNamesAddedSourceFieldsAndTypes(@TempDir Path dir) throws Exception {
        String schemaA = "{\"type\":\"struct\",\"name\":\"p.db.t.Envelope\",\"fields\":[{\"field\":\"after\",\"type\":\"struct\",\"fields\":"
                + "[{\"field\":\"id\",\"type\":\"int32\"}]},{\"field\":\"source\",\"type\":\"struct\",\"fields\":[{\"field\":\"ts_ms\",\"type\":\"int64\"}]}]}";
        String schemaB = "{\"type\":\"struct\",\"name\":\"p.db.t.Envelope\",\"fields\":[{\"field\":\"after\",\"type\":\"struct\",\"fields\":"
                + "[{\"field\":\"id\",\"type\":\"int64\"}]},{\"field\":\"source\",\"type\":\"struct\",\"fields\":[{\"field\":\"ts_ms\",\"type\":\"int64\"},"
                + "{\"field\":\"ts_us\",\"type\":\"int64\",\"optional\":true}]},{\"field\":\"ts_ns\",\"type\":\"int64\",\"optional\":true}]}";
        write(dir.resolve("a/s1/p.db.t.jsonl"), "{\"key\":null,\"value\":{\"schema\":" + schemaA + ",\"payload\":{\"op\":\"c\"}}}");
        write(dir.resolve("b/s1/p.db.t.jsonl"), "{\"key\":null,\"value\":{\"schema\":" + schemaB + ",\"payload\":{\"op\":\"c\"}}}");
        write(dir.resolve("b/s1/p.transaction.jsonl"), "{\"key\":null,\"value\":{\"id\":\"x\"}}");
        String report = UpgradeDiff.between("A", dir.resolve("a"), "B", dir.resolve("b")).markdown();
        assertThat(report).contains("## p.db.t", "- `source` block fields added: source.ts_us (int64)", "- value fields added: ts_ns (int64)",
                "- value types changed: after.id: int32 required -> int64 required", "## p.transaction", "topic only on B");
    }

    private static void write(Path file, String line) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n");
        JSON.readTree(line);
    }
}
