package io.cdcharness.kit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Kafka Connect transformation that breaks a pipeline on purpose, so that the harness's checks can
 * be shown to catch it (the kit of broken pipelines). It acts on the {@code nth} record (1-based) whose
 * topic matches {@code topic}:
 * <ul>
 *   <li>{@code drop}: the record never reaches Kafka (Connect still stores its offset);</li>
 *   <li>{@code duplicate}: a copy reaches Kafka too, right before the record;</li>
 *   <li>{@code swap}: the record is held back until the next record of the same key comes, then follows it;</li>
 *   <li>{@code change}: the field at {@code field} (e.g. {@code after.status}, {@code transaction.id},
 *       {@code key.id}, or a header {@code header.__debezium.oldkey}) gets {@code value};</li>
 *   <li>{@code delay}: the record is held back {@code delay.ms} and then written, after Connect stored an offset past it;</li>
 *   <li>{@code misroute}: the record goes to topic {@code to};</li>
 *   <li>{@code stall}: the task stops at the record for {@code delay.ms} (nothing behind it moves).</li>
 * </ul>
 * Records written "beside" Connect (duplicate, swap, delay) go through a producer of its own with the
 * worker's JsonConverter, at {@code bootstrap.servers}; a duplicate or a swap waits until the records
 * before it are in Kafka, so it lands exactly where it is meant to, and before Connect stores an offset
 * past it.
 */
public class BreakRecords<R extends ConnectRecord<R>> implements Transformation<R> {
    private String mode;
    private Pattern topic;
    private int nth;
    private String field;
    private String value;
    private long delayMs;
    private String to;
    private int seen;
    private R held;
    private ScheduledExecutorService later;
    private KafkaProducer<byte[], byte[]> producer;
    private org.apache.kafka.clients.admin.Admin admin;
    /** Records that went to each topic so far, through Connect or beside it: a record written beside waits for them. */
    private final Map<String, Long> written = new java.util.HashMap<>();
    private JsonConverter keyConverter;
    private JsonConverter valueConverter;
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void configure(Map<String, ?> configs) {
        mode = text(configs, "mode", "none");
        topic = Pattern.compile(text(configs, "topic", ".*"));
        nth = Integer.parseInt(text(configs, "nth", "1"));
        field = text(configs, "field", "");
        value = text(configs, "value", "");
        delayMs = Long.parseLong(text(configs, "delay.ms", "5000"));
        to = text(configs, "to", "misrouted");
        if (mode.equals("duplicate") || mode.equals("swap") || mode.equals("delay")) {
            boolean schemas = Boolean.parseBoolean(text(configs, "schemas.enable", "true"));
            keyConverter = new JsonConverter();
            keyConverter.configure(Map.of("schemas.enable", schemas), true);
            valueConverter = new JsonConverter();
            valueConverter.configure(Map.of("schemas.enable", schemas), false);
            headerConverter.configure(Map.of());
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, text(configs, "bootstrap.servers", "localhost:9092"));
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties);
            admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", text(configs, "bootstrap.servers", "localhost:9092")));
            later = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "break-records-later");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    private static String text(Map<String, ?> configs, String key, String fallback) {
        Object found = configs.get(key);
        return found == null ? fallback : found.toString();
    }

    @Override
    public R apply(R record) {
        R result = broken(record);
        if (result != null && result.topic() != null) {
            written.merge(result.topic(), 1L, Long::sum);
        }
        return result;
    }

    private R broken(R record) {
        if (record.topic() == null || !topic.matcher(record.topic()).matches()) {
            return record;
        }
        seen++;
        if (mode.equals("swap") && held != null && Objects.equals(held.key(), record.key())) {
            R first = held;
            held = null;
            sendInTurn(record); // the later record first, then the one held back: swapped, in Kafka before Connect moves on
            sendInTurn(first);
            return null;
        }
        if (seen != nth) {
            return record;
        }
        switch (mode) {
            case "drop":
                return null;
            case "duplicate":
                sendInTurn(record);
                return record;
            case "swap":
                held = record;
                return null;
            case "change":
                return changed(record);
            case "delay":
                later.schedule(() -> send(record), delayMs, TimeUnit.MILLISECONDS);
                return null;
            case "misroute":
                return record.newRecord(to, record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(),
                        record.value(), record.timestamp(), record.headers());
            case "stall":
                try {
                    closed.await(delayMs, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return record;
            default:
                return record;
        }
    }

    /**
     * Writes the record beside Connect in its turn: once every record that went to its topic before it
     * (handed to Connect's producer, which sends them on its own) is in Kafka, so that the breakage sits
     * exactly where it is meant to.
     */
    private void sendInTurn(R record) {
        long before = written.getOrDefault(record.topic(), 0L);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (endOffset(record.topic()) < before && System.nanoTime() < deadline) {
            try {
                closed.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        send(record);
        written.merge(record.topic(), 1L, Long::sum);
    }

    private long endOffset(String name) {
        try {
            var description = admin.describeTopics(java.util.List.of(name)).allTopicNames().get(5, TimeUnit.SECONDS).get(name);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            description.partitions().forEach(partition -> latest.put(new org.apache.kafka.common.TopicPartition(name, partition.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            return 0; // the topic does not exist yet: nothing went to it
        }
    }

    /** Writes the record beside Connect, as Connect would have written it, and waits until Kafka has it. */
    private void send(R record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), headerConverter.fromConnectHeader(record.topic(), header.key(), header.schema(), header.value()));
        }
        byte[] key = keyConverter.fromConnectData(record.topic(), record.keySchema(), record.key());
        byte[] bytes = valueConverter.fromConnectData(record.topic(), record.valueSchema(), record.value());
        try {
            producer.send(new ProducerRecord<>(record.topic(), record.kafkaPartition(), key, bytes, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("BreakRecords could not write beside Connect: " + e.getMessage(), e);
        }
    }

    /** The record with the field at {@code field} (a dotted path into the key with "key.", else the value) set to {@code value}. */
    private R changed(R record) {
        if (field.startsWith("header.")) {
            String name = field.substring("header.".length());
            org.apache.kafka.connect.header.Headers headers = record.headers().duplicate();
            headers.remove(name);
            headers.addString(name, value);
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(),
                    record.value(), record.timestamp(), headers);
        }
        boolean inKey = field.startsWith("key.");
        String path = inKey ? field.substring(4) : field;
        Object root = inKey ? record.key() : record.value();
        if (!(root instanceof Struct struct)) {
            throw new IllegalStateException("BreakRecords can only change fields of a Struct, not " + root);
        }
        Struct copy = withField(struct, path.split("\\."), 0);
        return inKey
                ? record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), copy, record.valueSchema(), record.value(), record.timestamp(), record.headers())
                : record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(), copy, record.timestamp(), record.headers());
    }

    private Struct withField(Struct struct, String[] path, int index) {
        Struct copy = new Struct(struct.schema());
        for (Field each : struct.schema().fields()) {
            copy.put(each, struct.get(each));
        }
        Field target = struct.schema().field(path[index]);
        if (target == null) {
            throw new IllegalStateException("BreakRecords: no field " + path[index] + " in " + struct.schema().fields());
        }
        if (index == path.length - 1) {
            copy.put(target, parse(target.schema(), value));
        } else {
            copy.put(target, withField(struct.getStruct(path[index]), path, index + 1));
        }
        return copy;
    }

    private static Object parse(Schema schema, String text) {
        return switch (schema.type()) {
            case INT8 -> Byte.parseByte(text);
            case INT16 -> Short.parseShort(text);
            case INT32 -> Integer.parseInt(text);
            case INT64 -> Long.parseLong(text);
            case FLOAT32 -> Float.parseFloat(text);
            case FLOAT64 -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            default -> text;
        };
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define("mode", ConfigDef.Type.STRING, "none", ConfigDef.Importance.HIGH, "drop, duplicate, swap, change, delay, misroute, stall")
                .define("topic", ConfigDef.Type.STRING, ".*", ConfigDef.Importance.HIGH, "regex of the topics whose records count")
                .define("nth", ConfigDef.Type.INT, 1, ConfigDef.Importance.HIGH, "which matching record (1-based)")
                .define("field", ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM, "change: the dotted path of the field")
                .define("value", ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM, "change: the new value")
                .define("delay.ms", ConfigDef.Type.LONG, 5000L, ConfigDef.Importance.MEDIUM, "delay and stall: how long")
                .define("to", ConfigDef.Type.STRING, "misrouted", ConfigDef.Importance.MEDIUM, "misroute: the topic")
                .define("bootstrap.servers", ConfigDef.Type.STRING, "localhost:9092", ConfigDef.Importance.MEDIUM, "for records written beside Connect")
                .define("schemas.enable", ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.LOW, "the JsonConverter's schemas.enable");
    }

    @Override
    public void close() {
        closed.countDown();
        if (later != null) {
            later.shutdownNow();
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
