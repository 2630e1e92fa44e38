package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.sql.BinlogPosition;
import io.cdcharness.sql.Database;
import io.cdcharness.stack.DatabaseFlavor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks of transaction metadata ({@code provide.transaction.metadata=true}) for the last SQL of a
 * scenario: the events it caused carry one transaction id, and the transaction topic records that
 * transaction with the right number of events per table. "Of the last SQL" means: events whose
 * {@code source.file}/{@code source.pos} lie within the binlog the last SQL wrote, never "since the
 * last check". Judged once the pipeline has caught up with the binlog.
 *
 * <pre>{@code
 * cdc.execute("BEGIN; INSERT INTO shop.orders ...; UPDATE shop.customers ...; COMMIT");
 * cdc.transactions().shareOneTransaction(List.of("shop.shop.orders", "shop.shop.customers"), Optional.of("shop.transaction"));
 * cdc.transactions().recordsOneTransaction("shop.transaction", Map.of("shop.orders", 1, "shop.customers", 1));
 * }</pre>
 */
public final class TransactionAssert {
    private final CheckContext context;
    private final Database.ExecutionResult lastSql;
    private final DatabaseFlavor flavor;

    public TransactionAssert(CheckContext context, Database.ExecutionResult lastSql, DatabaseFlavor flavor) {
        this.context = context;
        this.lastSql = lastSql;
        this.flavor = flavor;
    }

    /**
     * The events of the last SQL on each of the topics (at least one per topic) carry one and the same
     * transaction id; with a transaction topic, that topic's END record of that transaction counts, per
     * table, exactly the events found. Returns the transaction id.
     */
    public String shareOneTransaction(List<String> topics, Optional<String> transactionTopic) {
        String expectation = "the events of the last SQL (" + span() + ") on " + quoted(topics) + " to share one transaction id"
                + transactionTopic.map(topic -> ", the one topic \"" + topic + "\" records with the same event counts").orElse("");
        List<String> read = new ArrayList<>(topics);
        transactionTopic.ifPresent(read::add);
        List<ChangeEvent> matched = new ArrayList<>();
        String id = SettledCheck.run(context, expectation, false, read, () -> {
            matched.clear();
            StringBuilder seen = new StringBuilder();
            Map<String, List<ChangeEvent>> byTopic = new LinkedHashMap<>();
            for (String topic : topics) {
                List<ChangeEvent> all = events(topic);
                List<ChangeEvent> ofLastSql = all.stream().filter(this::ofLastSql).toList();
                byTopic.put(topic, ofLastSql);
                seen.append(EventListing.of("topic \"" + topic + "\" (events of the last SQL)", ofLastSql, EventExpectation.any())).append('\n');
                if (ofLastSql.isEmpty()) {
                    return Judgement.notYet("topic \"" + topic + "\" has no event of the last SQL"
                            + (all.stream().anyMatch(event -> !event.isTombstone() && position(event).isEmpty())
                            ? " (its events carry no source.file and source.pos: unwrapped records cannot be placed in the binlog)" : ""), seen.toString());
                }
            }
            Map<String, List<String>> idsByTopic = new LinkedHashMap<>();
            Set<String> ids = new LinkedHashSet<>();
            byTopic.forEach((topic, events) -> {
                List<String> topicIds = events.stream().map(TransactionAssert::transactionId).distinct().toList();
                idsByTopic.put(topic, topicIds);
                ids.addAll(topicIds);
            });
            if (ids.contains("(none)")) {
                return Judgement.never("some events carry no transaction id (transaction metadata needs provide.transaction.metadata=true)",
                        seen.toString());
            }
            if (ids.size() > 1) {
                return Judgement.never("they carry " + ids.size() + " transaction ids: " + idsByTopic, seen.toString());
            }
            String transactionId = ids.iterator().next();
            byTopic.values().forEach(matched::addAll);
            if (transactionTopic.isPresent()) {
                Optional<JsonNode> end = boundary(transactionTopic.get(), transactionId, "END");
                if (end.isEmpty()) {
                    return Judgement.notYet("topic \"" + transactionTopic.get() + "\" has no END of transaction " + transactionId,
                            seen + describeTransactions(transactionTopic.get()));
                }
                Map<String, Integer> found = new TreeMap<>();
                byTopic.values().forEach(events -> events.forEach(event -> found.merge(dataCollection(event), 1, Integer::sum)));
                Map<String, Integer> recorded = new TreeMap<>(counts(end.get()));
                List<String> differences = new ArrayList<>();
                found.forEach((table, count) -> {
                    Integer there = recorded.get(table);
                    if (there == null || there.intValue() != count) {
                        differences.add(table + ": the topics hold " + count + ", the END record counts " + (there == null ? "none" : there));
                    }
                });
                if (!differences.isEmpty()) {
                    String duplicates = EventListing.duplicates(matched);
                    return Judgement.never("the events on the topics do not add up to the transaction's END record ("
                            + String.join("; ", differences) + ")" + (duplicates.isEmpty() ? "" : " (" + duplicates + ")"),
                            seen + describeTransactions(transactionTopic.get()));
                }
            }
            return Judgement.pass(transactionId);
        });
        context.ledger().matched(matched.stream().map(ChangeEvent::record).toList());
        return id;
    }

    /**
     * The transaction topic records exactly one transaction for the last SQL (a BEGIN and an END with
     * its id), and its END counts exactly these events per table ({@code db.table} to count).
     */
    public String recordsOneTransaction(String transactionTopic, Map<String, Integer> countsPerTable) {
        Map<String, Integer> expected = new TreeMap<>(countsPerTable);
        String expectation = "topic \"" + transactionTopic + "\" to record one transaction for the last SQL (" + span() + ") with "
                + expected + " events per table";
        return SettledCheck.run(context, expectation, false, List.of(transactionTopic), () -> {
            Set<String> ids = transactionIdsOfLastSql();
            List<RecordedRecord> records = context.recorder().records(transactionTopic);
            Map<String, List<JsonNode>> boundaries = new LinkedHashMap<>();
            for (RecordedRecord record : records) {
                JsonNode value = record.valueJson();
                if (record.kind() == RecordedRecord.Kind.TRANSACTION && ids.contains(value.path("id").asText())) {
                    boundaries.computeIfAbsent(value.path("id").asText(), key -> new ArrayList<>()).add(value);
                }
            }
            String seen = describeTransactions(transactionTopic);
            if (boundaries.isEmpty()) {
                return Judgement.notYet("it records no transaction of the last SQL (transaction ids of the last SQL: "
                        + (ids.isEmpty() ? "none found" : ids) + ")", seen);
            }
            if (boundaries.size() > 1) {
                return Judgement.never("it records " + boundaries.size() + " transactions of the last SQL: " + boundaries.keySet(), seen);
            }
            Map.Entry<String, List<JsonNode>> only = boundaries.entrySet().iterator().next();
            List<String> statuses = only.getValue().stream().map(value -> value.path("status").asText()).toList();
            if (!statuses.equals(List.of("BEGIN", "END"))) {
                boolean more = statuses.size() > 2;
                String problem = "transaction " + only.getKey() + " has the records " + statuses + " where BEGIN, END were expected";
                return more ? Judgement.never(problem, seen) : Judgement.notYet(problem, seen);
            }
            JsonNode end = only.getValue().get(1);
            Map<String, Integer> recorded = new TreeMap<>(counts(end));
            long eventCount = end.path("event_count").asLong(-1);
            int sum = expected.values().stream().mapToInt(Integer::intValue).sum();
            if (!recorded.equals(expected) || eventCount != sum) {
                return Judgement.never("its END record counts " + recorded + " (event_count " + eventCount + ")", seen);
            }
            return Judgement.pass(only.getKey());
        });
    }

    private Set<String> transactionIdsOfLastSql() {
        Set<String> ids = new LinkedHashSet<>();
        for (String topic : context.recorder().counts().keySet()) {
            for (RecordedRecord record : context.recorder().records(topic)) {
                if (record.kind() == RecordedRecord.Kind.TRANSACTION) {
                    String id = record.valueJson().path("id").asText();
                    if (lastSql.wroteTransaction(id)) {
                        ids.add(id);
                    }
                } else if (record.kind() == RecordedRecord.Kind.CHANGE_EVENT) {
                    ChangeEvent event = ChangeEvent.of(record);
                    String id = transactionId(event);
                    if (!id.equals("(none)") && ofLastSql(event)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    private List<ChangeEvent> events(String topic) {
        return context.recorder().records(topic).stream().map(ChangeEvent::of).toList();
    }

    private boolean ofLastSql(ChangeEvent event) {
        return !event.isTombstone() && position(event).map(lastSql::wrote).orElse(false);
    }

    private static Optional<BinlogPosition> position(ChangeEvent event) {
        JsonNode source = event.source();
        if (!source.hasNonNull("file") || !source.hasNonNull("pos")) {
            return Optional.empty();
        }
        return Optional.of(new BinlogPosition(source.get("file").asText(), source.get("pos").asLong()));
    }

    private static String transactionId(ChangeEvent event) {
        JsonNode id = event.field("transaction.id").orElse(null);
        return id == null || id.isNull() ? "(none)" : id.asText();
    }

    private static String dataCollection(ChangeEvent event) {
        return event.source().path("db").asText() + "." + event.source().path("table").asText();
    }

    private static Map<String, Integer> counts(JsonNode end) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode collection : end.path("data_collections")) {
            counts.put(collection.path("data_collection").asText(), collection.path("event_count").asInt());
        }
        return counts;
    }

    private Optional<JsonNode> boundary(String topic, String id, String status) {
        return context.recorder().records(topic).stream().filter(record -> record.kind() == RecordedRecord.Kind.TRANSACTION)
                .map(RecordedRecord::valueJson)
                .filter(value -> value.path("id").asText().equals(id) && value.path("status").asText().equals(status))
                .findFirst();
    }

    private String describeTransactions(String topic) {
        List<RecordedRecord> records = context.recorder().records(topic);
        StringBuilder text = new StringBuilder("\ntopic \"" + topic + "\" holds " + records.size() + (records.size() == 1 ? " record" : " records")
                + (records.size() > EventListing.SHOWN ? " (the last " + EventListing.SHOWN + " shown)" : "") + ":");
        records.subList(Math.max(0, records.size() - EventListing.SHOWN), records.size())
                .forEach(record -> text.append("\n- ").append(record.describe()));
        return text.toString();
    }

    private String span() {
        return "binlog " + lastSql.binlogBefore() + " to " + lastSql.binlogAfter()
                + (flavor == DatabaseFlavor.MARIADB ? ", GTIDs after " + lastSql.gtidsBefore() + " up to " + lastSql.gtidsAfter() : "");
    }

    private static String quoted(List<String> topics) {
        return String.join(", ", topics.stream().map(topic -> "topic \"" + topic + "\"").toList());
    }
}
