package io.cdcharness.cli;

import io.cdcharness.CdcHarness;
import io.cdcharness.connect.ConnectorConfigResolver;
import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.warm.WarmStacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.cdcharness.stack.Secrets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the stack, prints its endpoints, and keeps it running until Ctrl-C. While it runs, it is a warm
 * stack: {@code mvn verify}, {@code ./cdc-harness run} and IDE runs on this machine attach to it instead
 * of booting, when they ask for the same settings ({@code cdc.reuse}).
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the stack and print its endpoints; Ctrl-C stops it and cleans up.",
                "While it runs, mvn verify, ./cdc-harness run and IDE runs with the same settings attach to it instead of booting "
                        + "(cdc.reuse=auto; -Dcdc.reuse=false in a run boots its own)."})
final class UpCommand implements Runnable {
    @Mixin
    StackOptions stackOptions = new StackOptions();

    @Option(names = "--ports", paramLabel = "free|seed", defaultValue = "free",
            description = "free: free ports (default); seed: MySQL 3306, Kafka 9092, Connect 8083 as in the seed's docker-compose")
    String ports;

    @Option(names = "--seed", description = "the seed article's own stack: Debezium 1.5.0.Final on Kafka Connect 2.7.0, on the seed's "
            + "ports (3306/9092/8083), with its host names originDB and kafka resolving for the worker (cdc.preset=article)")
    boolean seed;

    @Option(names = "--connector", paramLabel = "FIXTURE", defaultValue = "connectors/my-source-connector.json",
            description = "connector fixture to print, resolved against this stack, as a ready curl command (default: the seed's)")
    String connector;

    @Option(names = "--no-registry", description = "do not start the schema registry (by default it starts with the stack, "
            + "so that runs attached to it can use Avro; it needs a Java 21+ on the embedded stack)")
    boolean noRegistry;

    @Option(names = "--private", description = "do not offer this stack to other runs (no warm stack record)")
    boolean privateStack;

    @Option(names = "--no-warm-up", description = "skip the warm-up: by default one connector streams a table and a row "
            + "before runs may attach, and the clean slate removes them, so that their first registration finds Debezium's "
            + "code loaded (0.44 s instead of 1.47 s, measured here)")
    boolean noWarmUp;

    /** The POST body with its real secrets, in a file only its owner reads, removed when the command ends. */
    private static Path connectorBody(ConnectorConfigResolver.Resolution resolution) {
        try {
            Path file = Files.createTempFile("cdc-harness-" + resolution.connector().name() + "-", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Json.connector(resolution.connector()));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the connector's POST body", e);
        }
    }

    @Override
    public void run() {
        Settings settings = stackOptions.apply(Settings.load());
        if (seed) {
            settings = settings.with(Settings.Key.PRESET.property(), "article");
        }
        if (!seed || !"free".equals(ports)) {
            settings = settings.with(Settings.Key.PORTS.property(), ports);
        }
        CdcHarness harness = CdcHarness.start(settings);
        if (!noRegistry && !privateStack && !seed) { // the article's stack has no registry
            startRegistry(harness);
        }
        if (!noWarmUp && harness.stack().ownsEverything()) {
            warmUp(harness);
        }
        AutoCloseable published = privateStack ? () -> { } : WarmStacks.publish(harness.stack(), settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n[cdc-harness] stopping the stack...");
            try {
                published.close();
            } catch (Exception e) {
                System.err.println("[cdc-harness] could not remove the warm stack record: " + e.getMessage());
            }
            harness.close();
            stopped.countDown();
        }, "cdc-harness-up-stop"));
        print(System.out, harness);
        if (!privateStack) {
            System.out.println("Runs on this machine with the same settings attach to this stack instead of booting: mvn verify,");
            System.out.println("./cdc-harness run, an IDE run (cdc.reuse=auto). Each of their scenarios starts from a clean slate, which");
            System.out.println("removes every connector, topic and database on it. -Dcdc.reuse=false in a run boots its own.");
            System.out.flush();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Before any run may attach; a warm-up that fails costs the first registration its speed, not the stack. */
    private static void warmUp(CdcHarness harness) {
        long began = System.nanoTime();
        try {
            harness.warmUp();
            System.out.printf(java.util.Locale.ROOT, "[cdc-harness] warmed up the Connect worker in %.1f s (one connector, table and row, "
                    + "removed again; --no-warm-up skips it)%n", (System.nanoTime() - began) / 1e9);
        } catch (RuntimeException | AssertionError e) {
            System.out.println("[cdc-harness] the warm-up of the Connect worker failed, so the first registration of an attached run "
                    + "takes about 1 s longer: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** The registry starts with the stack, so that attached runs can use Avro; without a Java 21+ the stack runs without. */
    private static void startRegistry(CdcHarness harness) {
        try {
            harness.stack().ensureSchemaRegistry();
        } catch (RuntimeException e) {
            System.out.println("[cdc-harness] no schema registry: " + e.getMessage().lines().findFirst().orElse("")
                    + " (attached runs that need Avro will say so)");
        }
    }

    void print(PrintStream out, CdcHarness harness) {
        CdcStack stack = harness.stack();
        out.println();
        out.println("The stack is up (" + stack.describe() + ").");
        out.println("  " + String.format("%-27s", stack.database().flavor().displayName()) + stack.database().host() + ":" + stack.database().port()
                + "  user " + stack.database().user() + " / password " + Secrets.mask("password", stack.database().password())
                + " (the seed's; masked like every secret)");
        out.println("                             " + stack.database().jdbcUrl());
        out.println("  Kafka bootstrap            " + stack.kafkaBootstrapServers());
        out.println("  Kafka Connect REST         " + stack.connectUrl());
        stack.schemaRegistryUrl().ifPresent(url -> out.println("  Schema registry            " + url));
        out.println();
        out.println("Try:");
        out.println("  curl -s " + stack.connectUrl() + "/connector-plugins");
        if (Files.isRegularFile(harness.fixture(connector))) {
            ConnectorConfigResolver.Resolution resolution = harness.resolveConnector(connector);
            Path body = connectorBody(resolution);
            out.println("  curl -s -X POST -H 'Content-Type: application/json' " + stack.connectUrl() + "/connectors --data @" + body);
            out.println("    (" + body + " is " + connector + " resolved against this stack, secrets included, readable by you only:");
            out.println("     " + Json.connector(resolution.connector().withConfig(Secrets.maskConfig(resolution.connector().config()))) + ")");
            out.println("  curl -s '" + stack.connectUrl() + "/connectors?expand=status'");
        }
        out.println("  ./cdc-harness consume --bootstrap-server " + stack.kafkaBootstrapServers() + " --topic originDB --from-beginning");
        out.println();
        out.println("Press Ctrl-C to stop the stack; every process and temporary directory is removed.");
        out.flush();
    }
}
