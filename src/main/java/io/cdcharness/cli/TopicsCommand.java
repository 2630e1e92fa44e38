package io.cdcharness.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Lists topics like {@code kafka-topics.sh --bootstrap-server localhost:9092 --list}. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "List topics like kafka-topics.sh --bootstrap-server HOST:PORT --list (internal topics included, sorted).")
final class TopicsCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap address")
    String bootstrap;

    @Option(names = "--list", description = "list the topic names (the only action; accepted for kafka-topics.sh's syntax)")
    boolean list;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(20, TimeUnit.SECONDS))
                    .forEach(System.out::println);
        }
        return 0;
    }
}
