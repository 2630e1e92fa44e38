package io.cdcharness.cli;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** Prints a topic's records, like kafka-console-consumer.sh. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Print a topic's records like kafka-console-consumer.sh, until Ctrl-C or --max-messages.")
final class ConsumeCommand implements Runnable {
    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap address")
    String bootstrap;

    @Option(names = "--topic", required = true, description = "topic to read")
    String topic;

    @Option(names = "--from-beginning", description = "start at the oldest record instead of the newest")
    boolean fromBeginning;

    @Option(names = "--max-messages", defaultValue = "-1", description = "stop after this many records")
    int maxMessages;

    @Option(names = "--timeout-ms", defaultValue = "-1", description = "stop after this long without a record")
    long timeoutMs;

    @Option(names = "--property", description = "print.key=true prints keys too")
    List<String> properties = List.of();

    @Override
    public void run() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        boolean printKey = properties.contains("print.key=true");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist on " + bootstrap
                        + ". Existing topics: " + consumer.listTopics(Duration.ofSeconds(10)).keySet());
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            if (fromBeginning) {
                consumer.seekToBeginning(assigned);
            } else {
                consumer.seekToEnd(assigned);
            }
            int printed = 0;
            long idleSince = System.nanoTime();
            while (maxMessages < 0 || printed < maxMessages) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> record : records) {
                    System.out.println(printKey ? record.key() + "\t" + record.value() : record.value());
                    printed++;
                    idleSince = System.nanoTime();
                }
                if (timeoutMs >= 0 && Duration.ofNanos(System.nanoTime() - idleSince).toMillis() > timeoutMs) {
                    break;
                }
            }
            System.err.println("Processed a total of " + printed + " messages");
        }
    }
}
