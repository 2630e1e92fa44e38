package io.cdcharness.stack.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A single-node Kafka broker in KRaft mode (broker and controller in one process) in a child JVM. */
final class KafkaBroker {
    private final ServiceProcess process;
    private final int port;

    private KafkaBroker(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Picks ports and writes the config; {@link #start} launches it. Split so Connect can be told the address early. */
    static Plan plan(RunDirectory run, int wantedPort) {
        return new Plan(run.service("kafka"), PortPlan.claim(wantedPort, "kafka", "the Kafka broker"), FreePorts.next());
    }

    record Plan(Path home, int port, int controllerPort) {
        String bootstrapServers() {
            return "127.0.0.1:" + port;
        }
    }

    static KafkaBroker start(Plan plan, List<Path> classpath, ClassDataArchive.Directory archives, Services services, RunDirectory run,
                             Duration timeout) {
        Path home = plan.home();
        Path logDir = home.resolve("data");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + plan.controllerPort());
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + plan.port() + ",CONTROLLER://127.0.0.1:" + plan.controllerPort());
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + plan.port());
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        config.put("num.partitions", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        // Look for timed-out transactions every second, not every 10 s (see the worker's transaction timeout).
        config.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        config.put("delete.topic.enable", "true");
        config.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        Path properties = JavaService.writeProperties(home.resolve("server.properties"), config);
        writeMetaProperties(logDir);

        Path log = home.resolve("kafka.log");
        List<String> command = JavaService.command(archives.java(), classpath, JavaService.writeLog4j(home), List.of("-Xms32m", "-Xmx1g"), "kafka.Kafka",
                properties.toString());
        ClassDataArchive classData = archives.forJvm("kafka", command);
        ServiceProcess process = ServiceProcess.start("kafka", command, Map.of(), home, log, services, classData);
        // Listening alone is not enough: another process may hold the port for a moment, and then this
        // broker dies with "Address already in use" after the check passed. Its own log says it started.
        process.awaitReady("started (\"Kafka Server started\" in its log) and accepting connections on port " + plan.port(), timeout,
                () -> FreePorts.isListening(plan.port()) && startedSinceLaunch(log));
        return new KafkaBroker(process, plan.port());
    }

    /**
     * What {@code kafka-storage format} would write: with a static quorum, a {@code meta.properties} is
     * all a new KRaft node needs, and writing it saves a JVM start (about 2 s).
     */
    private static void writeMetaProperties(Path logDir) {
        JavaService.write(createDirectories(logDir).resolve("meta.properties"), "version=1\nnode.id=1\n"
                + "cluster.id=" + base64Uuid() + "\n"
                + "directory.id=" + base64Uuid() + "\n");
    }

    private static String base64Uuid() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private static Path createDirectories(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** True when the log says the broker started, after the last time the harness started it (a restart appends). */
    private static boolean startedSinceLaunch(Path log) {
        try {
            String text = new String(java.nio.file.Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1);
            int relaunch = text.lastIndexOf("---- cdc-harness: starting");
            String current = relaunch < 0 ? text : text.substring(relaunch);
            return current.contains("Kafka Server started") || current.contains("Transitioning from RECOVERY to RUNNING");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    ServiceProcess process() {
        return process;
    }

}
