package io.cdcharness.faults;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.assertions.ReconcileAssert;
import io.cdcharness.assertions.Reconciliation;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.StackFaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once, shown: Debezium's binlog connectors declare exactly-once support since 3.3 (DBZ-9177).
 * On a Connect worker with {@code exactly.once.source.support=enabled} and a connector with
 * {@code exactly.once.support=required}, records and offsets are written in one Kafka transaction per
 * poll, and the harness reads with {@code isolation.level=read_committed}: a worker killed mid-load
 * replays nothing a consumer sees. The same load on a worker without it (features/faults/worker.feature)
 * shows duplicates.
 */
class ExactlyOnceIT {
    private static CdcHarness cdc;

    @BeforeAll
    static void bootAWorkerWithExactlyOnce() {
        cdc = CdcHarness.start(Settings.load().with(Settings.Key.CONNECT_EXACTLY_ONCE.property(), "enabled"));
    }

    @AfterAll
    static void close() {
        if (cdc != null) {
            cdc.close();
        }
    }

    @Test
    void aWorkerKilledMidLoadDuplicatesNothing() {
        cdc.reset();
        cdc.executeSqlFixture("sql/shop-schema.sql");
        cdc.executeSqlFixture("sql/shop-load.sql");
        cdc.register("connectors/shop-connector.json", Map.of("exactly.once.support", "required"));
        cdc.faults().startWriter("shop.load", 400);
        cdc.faults().awaitWrites(500);
        cdc.faults().kill(StackFaults.Service.CONNECT);
        cdc.faults().awaitWrites(1500);
        cdc.faults().start(StackFaults.Service.CONNECT);
        cdc.faults().awaitWrites(2000);
        cdc.faults().stopWriter();
        ReconcileAssert.Outcome outcome = cdc.reconcile("shop.shop.load", "shop.load").holds(Reconciliation.Delivery.EXACTLY_ONCE);
        HarnessLog.info("exactly-once: " + outcome.line());
        assertThat(outcome.result().duplicatedEvents()).isZero();
        assertThat(outcome.result().lost()).isEmpty();
    }

    /**
     * A worker killed inside a transaction leaves it open until a new worker aborts it: a committed
     * reader cannot get past its first record, so "the end of the topic" must be the last stable offset,
     * or every wait for the harness to read to the end runs into its timeout (CI met this once).
     */
    @Test
    void anOpenTransactionDoesNotHoldTheHarnessShortOfTheEnd() {
        cdc.reset();
        String topic = "open-transaction";
        Properties properties = new Properties();
        properties.putAll(cdc.stack().kafkaClientProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cdc.stack().kafkaBootstrapServers());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "exactly-once-it");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.initTransactions();
            send(producer, topic, "committed", 3);
            producer.commitTransaction();
            send(producer, topic, "open", 3);
            Map<TopicPartition, Long> ends = cdc.kafkaTopics().endOffsets(topic);
            assertThat(ends).as("the end a committed reader can reach: 3 committed records and their commit marker, not the open 3")
                    .containsEntry(partition, 4L);
            cdc.recorder().watch(topic);
            awaitRead(topic, ends);
            assertThat(cdc.recorder().records(topic)).extracting(record -> record.keyText()).containsExactly("committed0", "committed1", "committed2");
            producer.commitTransaction();
        }
        Map<TopicPartition, Long> ends = cdc.kafkaTopics().endOffsets(topic);
        assertThat(ends).as("six records and two commit markers").containsEntry(partition, 8L);
        awaitRead(topic, ends);
        assertThat(cdc.recorder().records(topic)).hasSize(6);
    }

    private static void awaitRead(String topic, Map<TopicPartition, Long> ends) {
        cdc.eventually().until("the recorder to read " + topic + " to " + ends,
                () -> cdc.recorder().hasRead(ends) ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("reading"));
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, int count) {
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, key + i, "v" + i));
        }
        producer.flush();
    }
}
