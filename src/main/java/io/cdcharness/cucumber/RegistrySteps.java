package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.stack.HarnessLog;
import io.cucumber.java.en.Then;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Steps about the schema registry (subjects, versions, compatibility) and about what records cost on disk. */
public class RegistrySteps {

    private CdcHarness cdc() {
        return CdcHarness.shared();
    }

    @Then("the schema registry has subject {string} with {int} version(s)")
    public void subjectVersions(String subject, int count) {
        cdc().schemaRegistry().hasVersions(subject, count);
    }

    @Then("version {int} of subject {string} is {word} compatible with version {int}")
    public void compatible(int newer, String subject, String mode, int older) {
        cdc().schemaRegistry().isCompatible(subject, newer, older, mode);
    }

    @Then("version {int} of subject {string} adds the field(s) {string}")
    public void adds(int version, String subject, String fields) {
        cdc().schemaRegistry().adds(subject, version, Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList());
    }

    /**
     * Prints, per topic, the records and their average bytes (key, value, headers, total) once the
     * pipeline has caught up, as a Markdown table: the article's closing question, measured.
     */
    @Then("the bytes per record of topics {string} are printed")
    public void printBytes(String topics) {
        List<String> names = TopicSteps.topicList(topics);
        StringBuilder table = new StringBuilder("bytes per record (average, as stored in Kafka):\n"
                + "| topic | records | key | value | headers | total | total vs first |\n| --- | --- | --- | --- | --- | --- | --- |");
        double first = 0;
        for (String topic : names) {
            List<RecordedRecord> records = cdc().topic(topic).settledRecords();
            double key = records.stream().mapToInt(r -> r.key() == null ? 0 : r.key().length).average().orElse(0);
            double value = records.stream().mapToInt(r -> r.value() == null ? 0 : r.value().length).average().orElse(0);
            double total = records.stream().mapToInt(RecordedRecord::serializedSize).average().orElse(0);
            double headers = total - key - value;
            if (first == 0) {
                first = total;
            }
            table.append(String.format(Locale.ROOT, "%n| %s | %d | %.0f | %.0f | %.0f | %.0f | %.2f |", topic, records.size(), key, value,
                    headers, total, first == 0 ? 0 : total / first));
        }
        HarnessLog.info(table.toString());
    }
}
