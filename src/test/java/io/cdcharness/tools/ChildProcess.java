package io.cdcharness.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process the benchmark starts (the command line's {@code up} and {@code run}, a suite in its own JVM):
 * its output is echoed with a label and kept, so that the benchmark can wait for a line and read figures
 * from it. {@link #stop()} ends it with SIGTERM, as Ctrl-C would, and waits for it.
 */
final class ChildProcess implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofMinutes(2);

    private final String label;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded;

    private ChildProcess(String label, Process process) {
        this.label = label;
        this.process = process;
        Thread pump = new Thread(this::echoOutput, "benchmark-" + label);
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the command in {@code directory}, with this JVM's environment, standard error joined to standard output. */
    static ChildProcess start(String label, List<String> command, Path directory) {
        System.out.println("[benchmark] " + label + ": " + String.join(" ", command));
        try {
            return new ChildProcess(label, new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + label + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until a line of the output matches, and returns the match; empty when the process ends (or its
     * output does) or the time is up before such a line came.
     */
    synchronized Optional<Matcher> awaitLine(Pattern pattern, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int looked = 0;
        while (true) {
            for (; looked < lines.size(); looked++) {
                Matcher matcher = pattern.matcher(lines.get(looked));
                if (matcher.find()) {
                    return Optional.of(matcher);
                }
            }
            long left = deadline - System.nanoTime();
            if (outputEnded || left <= 0) {
                return Optional.empty();
            }
            waitForOutput(left);
        }
    }

    /** The first line that matches, of the output so far. */
    synchronized Optional<Matcher> firstLine(Pattern pattern) {
        return lines.stream().map(pattern::matcher).filter(Matcher::find).findFirst();
    }

    /** Waits for the process to end by itself; returns its exit code, or -1 when it is still running after {@code within}. */
    int awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM (the process's shutdown hooks clean up, as on Ctrl-C), then waits; kills it only when it does not end in time. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (awaitExit(STOP_GRACE) == -1 && process.isAlive()) {
            System.out.println("[benchmark] " + label + " did not stop within " + STOP_GRACE.toSeconds() + " s of SIGTERM; killing pid " + pid());
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void echoOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("  [" + label + "] " + line);
                keep(line);
            }
        } catch (IOException e) {
            if (process.isAlive()) { // once it has ended, its closed pipe says nothing
                System.out.println("  [" + label + "] (output unreadable: " + e.getMessage() + ")");
            }
        } finally {
            ended();
        }
    }

    private synchronized void keep(String line) {
        lines.add(line);
        notifyAll();
    }

    private synchronized void ended() {
        outputEnded = true;
        notifyAll();
    }

    private void waitForOutput(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outputEnded = true;
        }
    }
}
