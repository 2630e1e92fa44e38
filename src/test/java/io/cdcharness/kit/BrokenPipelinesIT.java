package io.cdcharness.kit;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.assertions.Reconciliation;
import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that the checks cannot pass a broken pipeline: each check runs three times against the
 * healthy pipeline, where it must pass, and once against every pipeline broken on purpose that it
 * claims to catch (a record dropped, duplicated, swapped with another of its key, changed, delayed past
 * the stored offset, sent to another topic, or a task that stalls), where it must fail with a message
 * that names what is wrong. The breakages come from {@link BreakRecords}, a real Connect transformation
 * in the connector's chain. Writes the table of checks by broken pipelines to
 * {@code reports/kill-table.md}; {@code ./kill-table} runs this and prints it.
 */
class BrokenPipelinesIT {
    private static final String SHOP = "connectors/shop-connector.json";
    private static final String ORDERS = "shop.shop.orders";
    private static final String ORDERS_TOPIC = "shop\\.shop\\.orders";
    private static final String WORKLOAD = """
            INSERT INTO shop.orders VALUES (10, 1, 10.00, 'new');
            INSERT INTO shop.orders VALUES (11, 1, 20.00, 'new');
            UPDATE shop.orders SET status = 'paid' WHERE id = 10;
            DELETE FROM shop.orders WHERE id = 11;
            """;
    /** Healthy runs per check. */
    private static final int HEALTHY_RUNS = 3;
    private static final List<String> COLUMNS = List.of("drop", "duplicate", "swap", "change", "delay", "misroute", "stall");

    private static CdcHarness cdc;

    /** A pipeline broken on purpose: the transformation's settings, and the words the failure must contain. */
    record Breakage(String kind, Map<String, String> transform, String mustSay) {
        static Breakage of(String kind, String mustSay, String... settings) {
            Map<String, String> transform = new LinkedHashMap<>();
            transform.put("mode", kind);
            for (int i = 0; i < settings.length; i += 2) {
                transform.put(settings[i], settings[i + 1]);
            }
            return new Breakage(kind, transform, mustSay);
        }
    }

    /** A check as a scenario: rows before the connector, its overrides, the SQL, and the check itself. */
    record Check(String name, String before, Map<String, String> overrides, String sql, Consumer<CdcHarness> check, List<Breakage> catches) {
    }

    private static Breakage onOrders(String kind, int nth, String mustSay, String... more) {
        List<String> settings = new ArrayList<>(List.of("topic", ORDERS_TOPIC, "nth", Integer.toString(nth)));
        settings.addAll(List.of(more));
        return Breakage.of(kind, mustSay, settings.toArray(String[]::new));
    }

    static List<Check> checks() {
        EventExpectation c10 = EventExpectation.create().with("key.id", "10").with("after.status", "new");
        EventExpectation c11 = EventExpectation.create().with("key.id", "11");
        EventExpectation u10 = EventExpectation.op("u").with("key.id", "10").with("after.status", "paid");
        EventExpectation d11 = EventExpectation.op("d").with("key.id", "11");
        EventExpectation t11 = EventExpectation.tombstone().with("key.id", "11");
        String notMatched = "no record on the topic matches it once the pipeline had caught up";
        String elsewhere = "a matching record is on topic \"shop.misrouted\"";
        String changed = "after.status: expected paid but was \"tampered\"";
        Breakage dropU10 = onOrders("drop", 3, notMatched);
        Breakage changeU10 = onOrders("change", 3, changed, "field", "after.status", "value", "tampered");
        Breakage delayU10 = onOrders("delay", 3, notMatched, "delay.ms", "10000");
        Breakage misrouteU10 = onOrders("misroute", 3, elsewhere, "to", "shop.misrouted");
        String txWorkload = "BEGIN;\nINSERT INTO shop.orders VALUES (10, 1, 10.00, 'new');\nINSERT INTO shop.orders VALUES (11, 1, 20.00, 'new');\n"
                + "UPDATE shop.orders SET status = 'paid' WHERE id = 10;\nCOMMIT;";
        Map<String, String> txMetadata = Map.of("provide.transaction.metadata", "true");
        String transactionTopic = "shop\\.transaction";
        return List.of(
                new Check("field values (receives)", "", Map.of(), WORKLOAD,
                        harness -> harness.topic(ORDERS).receives(u10),
                        List.of(dropU10, changeU10, delayU10, misrouteU10)),
                new Check("exact sequence (holds exactly, in order)", "", Map.of(), WORKLOAD,
                        harness -> harness.topic(ORDERS).holdsExactly(List.of(c10, c11, u10, d11, t11)),
                        List.of(onOrders("drop", 3, "expected #2 is missing: an event with op=u, key.id=10, after.status=paid"),
                                onOrders("duplicate", 3, "duplicates: 2 updates of key {\"id\":10}, at offsets 2 and 3"),
                                onOrders("swap", 1, "out of order"),
                                onOrders("change", 3, changed, "field", "after.status", "value", "tampered"),
                                onOrders("delay", 3, "expected #2 is missing: an event with op=u, key.id=10, after.status=paid", "delay.ms", "10000"),
                                onOrders("misroute", 3, elsewhere, "to", "shop.misrouted"))),
                new Check("events in any order", "", Map.of(), WORKLOAD,
                        harness -> harness.topic(ORDERS).holdsInAnyOrder(List.of(u10, d11, c10)),
                        List.of(onOrders("drop", 3, "1 of the 3 expected events is not on the topic once the pipeline had caught up"),
                                onOrders("change", 3, changed, "field", "after.status", "value", "tampered"),
                                onOrders("delay", 3, "1 of the 3 expected events is not on the topic once the pipeline had caught up", "delay.ms", "10000"),
                                onOrders("misroute", 3, elsewhere, "to", "shop.misrouted"))),
                new Check("record count (holds exactly N)", "", Map.of(), WORKLOAD,
                        harness -> harness.topic(ORDERS).holdsCount(5),
                        List.of(onOrders("drop", 3, "it holds 4 once the pipeline had caught up"),
                                onOrders("duplicate", 3, "it holds 6 (duplicates: 2 updates of key {\"id\":10}, at offsets 2 and 3)"),
                                onOrders("delay", 3, "it holds 4 once the pipeline had caught up", "delay.ms", "10000"),
                                onOrders("misroute", 3, "it holds 4 once the pipeline had caught up", "to", "shop.misrouted"))),
                new Check("no further events", "", Map.of(), WORKLOAD + "INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');",
                        harness -> {
                            for (EventExpectation expectation : List.of(c10, c11, u10, d11, t11)) {
                                harness.topic(ORDERS).receives(expectation);
                            }
                            harness.topic(ORDERS).receivesNoFurtherEvents();
                        },
                        List.of(onOrders("duplicate", 3, "the same as #2: a duplicate"),
                                Breakage.of("misroute", "1 more record arrived", "topic", "shop\\.shop\\.customers", "nth", "1", "to", ORDERS))),
                new Check("history of a key (in order)", "", Map.of(), WORKLOAD,
                        harness -> harness.topic(ORDERS).keyHistory("key.id", "10", List.of("c", "u")),
                        List.of(onOrders("drop", 3, "there is 1 event where 2 were expected once the pipeline had caught up"),
                                onOrders("duplicate", 3, "duplicates: 2 updates of key {\"id\":10}"),
                                onOrders("swap", 1, "out of order"),
                                onOrders("delay", 3, "there is 1 event where 2 were expected once the pipeline had caught up", "delay.ms", "10000"),
                                onOrders("misroute", 3, "there is 1 event where 2 were expected once the pipeline had caught up", "to", "shop.misrouted"))),
                new Check("transaction grouping (events of the last SQL)", "", txMetadata, txWorkload,
                        harness -> harness.transactions().shareOneTransaction(List.of(ORDERS), Optional.of("shop.transaction")),
                        List.of(onOrders("drop", 3, "shop.orders: the topics hold 2, the END record counts 3"),
                                onOrders("duplicate", 3, "shop.orders: the topics hold 4, the END record counts 3"),
                                onOrders("change", 3, "they carry 2 transaction ids", "field", "transaction.id", "value", "not-the-transaction"),
                                onOrders("delay", 3, "shop.orders: the topics hold 2, the END record counts 3", "delay.ms", "10000"),
                                onOrders("misroute", 3, "shop.orders: the topics hold 2, the END record counts 3", "to", "shop.misrouted"))),
                new Check("the transaction topic (one transaction, counts per table)", "", txMetadata, txWorkload,
                        harness -> harness.transactions().recordsOneTransaction("shop.transaction", Map.of("shop.orders", 3)),
                        List.of(Breakage.of("drop", "has the records [BEGIN] where BEGIN, END were expected", "topic", transactionTopic, "nth", "2"),
                                Breakage.of("duplicate", "has the records [BEGIN, END, END]", "topic", transactionTopic, "nth", "2"),
                                Breakage.of("swap", "has the records [END, BEGIN]", "topic", transactionTopic, "nth", "1"),
                                Breakage.of("change", "its END record counts {shop.orders=3} (event_count 2)", "topic", transactionTopic, "nth", "2",
                                        "field", "event_count", "value", "2"),
                                Breakage.of("delay", "has the records [BEGIN] where BEGIN, END were expected", "topic", transactionTopic, "nth", "2",
                                        "delay.ms", "10000"),
                                Breakage.of("misroute", "has the records [BEGIN] where BEGIN, END were expected", "topic", transactionTopic, "nth", "2",
                                        "to", "shop.misrouted"))),
                new Check("topic absence (does not exist)", "", Map.of("table.include.list", "shop.orders"),
                        "INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');\nINSERT INTO shop.orders VALUES (10, 1, 10.00, 'new');",
                        harness -> harness.topics().doesNotExist("shop.shop.customers"),
                        List.of(onOrders("misroute", 1, "Expected topic \"shop.shop.customers\" not to exist, but it exists", "to", "shop.shop.customers"))),
                new Check("stored offset (covers the last SQL)", "", Map.of(), WORKLOAD,
                        harness -> harness.withTimeout(Duration.ofSeconds(3)).offsets("shop-connector").covers(harness.lastSql().lastStatementStart()),
                        List.of(onOrders("stall", 3, "within 3.0 s, but it did not happen", "delay.ms", "8000"))),
                new Check("headers (the old key of a primary-key change)", "", Map.of(),
                        "INSERT INTO shop.orders VALUES (10, 1, 10.00, 'new');\nUPDATE shop.orders SET id = 20 WHERE id = 10;",
                        harness -> harness.topic(ORDERS).receives(EventExpectation.create().with("key.id", "20").with("header.__debezium.oldkey.id", "10")),
                        List.of(onOrders("drop", 4, notMatched),
                                onOrders("change", 4, "header.__debezium.oldkey.id: expected 10 but was", "field", "header.__debezium.oldkey", "value", "{\"id\":99}"),
                                onOrders("delay", 4, notMatched, "delay.ms", "10000"),
                                onOrders("misroute", 4, elsewhere, "to", "shop.misrouted"))),
                new Check("reconciliation, at-least-once (topic folded per key = table)", "", Map.of(), WORKLOAD,
                        harness -> harness.reconcile(ORDERS, "shop.orders").holds(Reconciliation.Delivery.AT_LEAST_ONCE),
                        List.of(onOrders("drop", 3, "last event shows other values than the table (stale): key 10: status is \"new\" in the topic, paid in the table"),
                                onOrders("swap", 1, "1 key's events are out of order: key 10: create"),
                                onOrders("change", 3, "key 10: status is \"tampered\" in the topic, paid in the table", "field", "after.status", "value", "tampered"),
                                onOrders("delay", 3, "(stale): key 10: status is \"new\" in the topic", "delay.ms", "10000"),
                                onOrders("misroute", 3, "(stale): key 10: status is \"new\" in the topic", "to", "shop.misrouted"))),
                new Check("reconciliation, exactly-once (and nothing twice)", "", Map.of(), WORKLOAD,
                        harness -> harness.reconcile(ORDERS, "shop.orders").holds(Reconciliation.Delivery.EXACTLY_ONCE),
                        List.of(onOrders("drop", 3, "(stale): key 10: status is \"new\" in the topic"),
                                onOrders("duplicate", 3, "1 duplicated event where exactly-once allows none: key 10 2 times"),
                                onOrders("swap", 1, "out of order"),
                                onOrders("change", 3, "key 10: status is \"tampered\" in the topic, paid in the table", "field", "after.status", "value", "tampered"),
                                onOrders("delay", 3, "(stale): key 10: status is \"new\" in the topic", "delay.ms", "10000"),
                                onOrders("misroute", 3, "(stale): key 10: status is \"new\" in the topic", "to", "shop.misrouted"))),
                new Check("the last snapshot record (across all topics)",
                        "INSERT INTO shop.orders VALUES (10, 1, 10.00, 'new'), (11, 1, 20.00, 'new'), (12, 2, 30.00, 'new');", Map.of(), "SELECT 1;",
                        harness -> harness.snapshot().lastRecordIs(ORDERS, EventExpectation.op("r").with("after.id", "12").with("after.status", "new")),
                        List.of(onOrders("drop", 3, "no record is marked source.snapshot=last once the pipeline had caught up"),
                                onOrders("duplicate", 3, "2 records are marked source.snapshot=last"),
                                onOrders("change", 3, "after.status: expected new but was \"tampered\"", "field", "after.status", "value", "tampered"),
                                onOrders("delay", 3, "no record is marked source.snapshot=last once the pipeline had caught up", "delay.ms", "10000"),
                                onOrders("misroute", 3, "it is on topic \"shop.misrouted\"", "to", "shop.misrouted"))));
    }

    @BeforeAll
    static void bootWithTheKit() {
        Path plugins = KitPlugin.build(Path.of("target/kit-plugin").toAbsolutePath());
        cdc = CdcHarness.start(Settings.load().with(Settings.Key.CONNECT_PLUGIN_PATH.property(), plugins.toString()));
    }

    @AfterAll
    static void close() {
        if (cdc != null) {
            cdc.close();
        }
    }

    /** What one run showed: passed, failed with the expected words, or failed otherwise (with the message). */
    record Outcome(boolean passed, String message) {
    }

    @Test
    void everyCheckPassesOnTheHealthyPipelineAndFailsOnEveryBrokenOneItClaimsToCatch() throws IOException {
        List<Check> checks = checks();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        int pairs = 0;
        int killed = 0;
        for (Check check : checks) {
            Map<String, String> row = new LinkedHashMap<>();
            int healthy = 0;
            for (int run = 1; run <= HEALTHY_RUNS; run++) {
                Outcome outcome = run(check, null);
                if (outcome.passed()) {
                    healthy++;
                } else {
                    problems.add(check.name() + ", healthy run " + run + ", failed:\n" + outcome.message());
                }
            }
            row.put("healthy", healthy + "/" + HEALTHY_RUNS);
            for (Breakage breakage : check.catches()) {
                pairs++;
                Outcome outcome = run(check, breakage);
                boolean caught = !outcome.passed() && outcome.message().contains(breakage.mustSay());
                if (caught) {
                    killed++;
                    row.put(breakage.kind(), "killed");
                } else {
                    row.put(breakage.kind(), outcome.passed() ? "SURVIVED" : "unclear");
                    problems.add(check.name() + " against \"" + breakage.kind() + "\" " + breakage.transform() + ": "
                            + (outcome.passed() ? "passed" : "failed without saying \"" + breakage.mustSay() + "\":\n" + outcome.message()));
                }
            }
            table.put(check.name(), row);
        }
        String markdown = render(table, pairs, killed);
        Files.createDirectories(Path.of("reports"));
        Files.writeString(Path.of("reports/kill-table.md"), markdown);
        System.out.println(markdown);
        assertThat(problems).as("checks that passed a broken pipeline, failed a healthy one, or failed without naming what is wrong").isEmpty();
    }

    private static Outcome run(Check check, Breakage breakage) {
        cdc.reset();
        cdc.executeSqlFixture("sql/shop-schema.sql");
        if (!check.before().isBlank()) {
            cdc.execute(check.before());
        }
        Map<String, String> overrides = new LinkedHashMap<>(check.overrides());
        if (breakage != null) {
            overrides.put("transforms", "break");
            overrides.put("transforms.break.type", BreakRecords.class.getName());
            overrides.put("transforms.break.bootstrap.servers", "localhost:9092"); // the harness points it at the stack's broker
            breakage.transform().forEach((key, value) -> overrides.put("transforms.break." + key, value));
        }
        cdc.register(SHOP, overrides);
        cdc.execute(check.sql());
        try {
            check.check().accept(cdc);
            return new Outcome(true, "");
        } catch (AssertionError e) {
            return new Outcome(false, e.getMessage());
        }
    }

    private static String render(Map<String, Map<String, String>> table, int pairs, int killed) {
        StringBuilder text = new StringBuilder("# Checks by broken pipelines\n\n");
        text.append("Each check ran ").append(HEALTHY_RUNS).append(" times on the healthy pipeline, and once on each broken pipeline it claims "
                + "to catch (`killed`: it failed, naming what is wrong; `SURVIVED`: it passed; `unclear`: it failed without naming it; "
                + "`-`: the check claims nothing a breakage of that kind changes).\n\n");
        text.append("| check | healthy | ").append(String.join(" | ", COLUMNS)).append(" |\n");
        text.append("| --- | --- |").append(" --- |".repeat(COLUMNS.size())).append('\n');
        table.forEach((check, row) -> {
            text.append("| ").append(check).append(" | ").append(row.get("healthy")).append(" |");
            COLUMNS.forEach(kind -> text.append(' ').append(row.getOrDefault(kind, "-")).append(" |"));
            text.append('\n');
        });
        text.append(String.format(java.util.Locale.ROOT, "%nKill rate: %d of %d pairs (%.0f %%).%n", killed, pairs, pairs == 0 ? 0.0 : 100.0 * killed / pairs));
        return text.toString();
    }
}
