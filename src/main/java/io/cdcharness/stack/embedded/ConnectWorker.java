package io.cdcharness.stack.embedded;

import io.cdcharness.stack.ConnectStorageTopics;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Kafka Connect worker in distributed mode, in its own JVM so that it can be stopped or killed
 * like a real deployment. It carries the Debezium connectors on its {@code plugin.path} and exposes
 * JMX on 127.0.0.1 so that the harness can read Debezium's streaming metrics.
 */
final class ConnectWorker {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess process;
    private final int restPort;
    private final int jmxPort;
    /** Run once, with the worker's URL, when its REST API first answers; null once it ran. */
    private volatile java.util.function.Consumer<String> whenRestAnswers;

    private ConnectWorker(ServiceProcess process, int restPort, int jmxPort, java.util.function.Consumer<String> whenRestAnswers) {
        this.process = process;
        this.restPort = restPort;
        this.jmxPort = jmxPort;
        this.whenRestAnswers = whenRestAnswers;
    }

    /** {@code pluginConfig}: worker keys that the plugins on the path need, such as a config provider's. */
    record Options(String groupId, ConnectStorageTopics topics, List<Path> pluginPath, Map<String, String> pluginConfig, boolean scanPlugins,
                   String offsetFlushIntervalMs, int restPort, String exactlyOnceSourceSupport, List<String> jvmOptions) {
    }

    /**
     * Starts the worker. The broker may still be booting: the worker's admin client waits for it, so
     * the JVM start and plugin loading overlap the broker's start. {@code whenRestAnswers} runs once, with the
     * worker's URL, as soon as its REST API answers: it may use the time the worker then still needs to join its group.
     */
    static ConnectWorker start(String bootstrapServers, Options options, List<Path> classpath, ClassDataArchive.Directory archives,
                               RunDirectory run, Services services, Duration timeout, java.util.function.Consumer<String> whenRestAnswers) {
        Path home = run.service("connect");
        int restPort = PortPlan.claim(options.restPort(), "connect", "the Connect REST API");
        int jmxPort = FreePorts.next();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", options.groupId());
        config.put("config.storage.topic", options.topics().config());
        config.put("offset.storage.topic", options.topics().offset());
        config.put("status.storage.topic", options.topics().status());
        config.put("config.storage.replication.factor", "1");
        config.put("offset.storage.replication.factor", "1");
        config.put("status.storage.replication.factor", "1");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("listeners", "http://127.0.0.1:" + restPort);
        config.put("rest.advertised.host.name", "127.0.0.1");
        config.put("rest.advertised.port", Integer.toString(restPort));
        config.put("plugin.path", options.pluginPath().stream().map(Path::toString).collect(Collectors.joining(",")));
        // service_load reads plugin manifests only (2 to 3 s); hybrid_warn also scans classes, for plugins without manifests.
        config.put("plugin.discovery", options.scanPlugins() ? "hybrid_warn" : "service_load");
        config.putAll(options.pluginConfig());
        config.put("offset.flush.interval.ms", options.offsetFlushIntervalMs());
        config.put("scheduled.rebalance.max.delay.ms", "0");
        config.put("task.shutdown.graceful.timeout.ms", "5000");
        config.put("exactly.once.source.support", options.exactlyOnceSourceSupport());
        // Kafka 4 producers wait 5 ms to fill a batch (KIP-1030); a source task's records then reach Kafka 5 ms later.
        config.put("producer.linger.ms", "0");
        // The worker's own producers (config, offset and status topics) take the top-level key: a stop, a stored
        // offset or a deletion is written 5 ms sooner, and every settled check waits on a stored offset.
        config.put("linger.ms", "0");
        if (!"disabled".equals(options.exactlyOnceSourceSupport())) {
            // A task's transaction left open by a killed worker blocks a new worker's read of the offset topic
            // until the broker aborts it: 10 s instead of the producer's default minute (a poll commits in ms).
            config.put("producer.transaction.timeout.ms", "10000");
        }
        Path properties = JavaService.writeProperties(home.resolve("worker.properties"), config);

        List<String> jvm = new ArrayList<>(List.of("-Xms32m", "-Xmx1g",
                "-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false"));
        jvm.addAll(options.jvmOptions());
        String mainClass = "org.apache.kafka.connect.cli.ConnectDistributed";
        Path log = home.resolve("connect.log");
        List<String> command = JavaService.command(archives.java(), classpath, JavaService.writeLog4j(home), jvm, mainClass, properties.toString());
        ClassDataArchive classData = archives.forJvm("connect", command);
        ServiceProcess process = ServiceProcess.start("connect", command, Map.of(), home, log, services, classData);
        ConnectWorker worker = new ConnectWorker(process, restPort, jmxPort, whenRestAnswers);
        process.awaitReady("started on port " + restPort + " (its storage topics read and its group joined: GET /health answers 200)", timeout,
                worker::restReady);
        return worker;
    }

    private boolean restReady() {
        if (whenRestAnswers != null && io.cdcharness.stack.ConnectReadiness.answers(HTTP, url())) {
            runWhenRestAnswers();
        }
        boolean started = io.cdcharness.stack.ConnectReadiness.hasStarted(HTTP, url());
        if (started && whenRestAnswers != null) {
            runWhenRestAnswers(); // its REST API first answered between the two questions
        }
        return started;
    }

    private void runWhenRestAnswers() {
        java.util.function.Consumer<String> hook = whenRestAnswers;
        whenRestAnswers = null;
        hook.accept(url());
    }

    String url() {
        return "http://127.0.0.1:" + restPort;
    }

    String jmxUrl() {
        return "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi";
    }

    ServiceProcess process() {
        return process;
    }

}
