package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * One server process of the embedded stack: started with its output in a log file, registered with
 * the {@link Reaper} so that it dies with this JVM, and stopped by its PID.
 */
final class ServiceProcess {
    private final String service;
    private final Process process;
    private final Path log;

    private ServiceProcess(String service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String service, List<String> command, Map<String, String> environment, Path workDir,
                                Path log, Services services) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        try {
            ServiceProcess started = new ServiceProcess(service, builder.start(), log);
            services.add(started);
            return started;
        } catch (IOException e) {
            throw new StackBootException(service, "could not run " + command.get(0) + ": " + e.getMessage(), log, e);
        }
    }

    String service() {
        return service;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until {@code ready} answers true, failing at once with the log's tail if the process exits,
     * and with the log's tail after {@code timeout}.
     */
    void awaitReady(String what, Duration timeout, Callable<Boolean> ready) {
        try {
            Awaitility.await(service + " " + what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(25))
                    .ignoreExceptionsMatching(e -> !(e instanceof StackBootException))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new StackBootException(service, "the process exited with code " + process.exitValue()
                                    + " before it was " + what, log);
                        }
                        return ready.call();
                    });
        } catch (ConditionTimeoutException e) {
            throw new StackBootException(service, "not " + what + " after " + timeout.toSeconds()
                    + " s (raise cdc.boot.timeout if this machine is just slow)", log, e);
        }
    }

    /** Asks the process to stop (SIGTERM), and kills it (SIGKILL) after the grace period. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (SIGKILL) and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
