package io.cdcharness.cli;

import io.cdcharness.CdcHarness;
import io.cdcharness.connect.ConnectorConfigResolver;
import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.Settings;
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

/** Starts the stack, prints its endpoints, and keeps it running until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the stack and print its endpoints; Ctrl-C stops it and cleans up.")
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n[cdc-harness] stopping the stack...");
            harness.close();
            stopped.countDown();
        }, "cdc-harness-up-stop"));
        print(System.out, harness);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
