package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * One server process of the embedded stack: started with its output in a log file, registered with
 * the {@link Reaper} so that it dies with this JVM, and stopped by its PID. It can be killed and
 * started again with the same command (same ports, same data directory), as a fault would.
 */
final class ServiceProcess {
    private final String service;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private final Services services;
    private volatile Process process;
    private volatile String readyWhat;
    private volatile Callable<Boolean> readyCheck;
    /** True while the harness itself took the service down (a fault step): its death is no surprise. */
    private volatile boolean downOnPurpose;
    /** The class-data archive its JVM starts from or records (none for the database). */
    private volatile ClassDataArchive classData;
    /** True when the running JVM was launched to record the archive (it writes it as it stops). */
    private volatile boolean recording;
    /** True once the running process passed its readiness check: only such a JVM's recording is worth keeping. */
    private volatile boolean ready;

    private ServiceProcess(String service, List<String> command, Map<String, String> environment, Path workDir, Path log, Services services) {
        this.service = service;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.log = log;
        this.services = services;
    }

    static ServiceProcess start(String service, List<String> command, Map<String, String> environment, Path workDir,
                                Path log, Services services) {
        return start(service, command, environment, workDir, log, services, null);
    }

    /**
     * A JVM service that starts from {@code classData}'s archive, or records it: each launch adds the options
     * that fit then, and a recording is kept only when the JVM was ready and stopped when asked.
     */
    static ServiceProcess start(String service, List<String> command, Map<String, String> environment, Path workDir,
                                Path log, Services services, ClassDataArchive classData) {
        ServiceProcess started = new ServiceProcess(service, command, environment, workDir, log, services);
        started.classData = classData;
        started.launch();
        services.add(started);
        return started;
    }

    private void launch() {
        List<String> launched = command;
        ClassDataArchive archive = classData;
        recording = false;
        ready = false;
        if (archive != null) {
            ClassDataArchive.Launch options = archive.launch();
            launched = new java.util.ArrayList<>(command);
            launched.addAll(1, options.jvmOptions()); // right after the java executable
            recording = options.recording();
        }
        ProcessBuilder builder = new ProcessBuilder(launched)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        try {
            process = builder.start();
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

    /** The exit code of a process that has ended. */
    int exitCode() {
        return process.exitValue();
    }

    boolean isDownOnPurpose() {
        return downOnPurpose;
    }

    /**
     * Waits until {@code ready} answers true, failing at once with the log's tail if the process exits,
     * and with the log's tail after {@code timeout}. The check is kept for {@link #relaunch}.
     */
    void awaitReady(String what, Duration timeout, Callable<Boolean> ready) {
        this.readyWhat = what;
        this.readyCheck = ready;
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
            this.ready = true;
        } catch (ConditionTimeoutException e) {
            throw new StackBootException(service, "not " + what + " after " + timeout.toSeconds()
                    + " s (raise cdc.boot.timeout if this machine is just slow)", log, e);
        }
    }

    /** Starts the service again with the same command, ports and data, and waits until it is ready as it was at boot. */
    void relaunch(Duration timeout) {
        if (process.isAlive()) {
            throw new IllegalStateException(service + " is running (pid " + process.pid() + "); stop or kill it before starting it again.");
        }
        appendToLog("\n---- cdc-harness: starting " + service + " again ----\n");
        launch();
        services.relaunched(this);
        downOnPurpose = false;
        awaitReady(readyWhat, timeout, readyCheck);
    }

    /**
     * Asks the process to stop (SIGTERM), and kills it (SIGKILL) after the grace period. A JVM that records
     * its class-data archive gets {@link ClassDataArchive#RECORDING_STOP_GRACE} to write it.
     */
    void stop(Duration grace) {
        downOnPurpose = true;
        if (!process.isAlive()) {
            endRecording(false); // it died on its own: what it wrote is not a run's worth
            return;
        }
        Duration wait = recording && grace.compareTo(ClassDataArchive.RECORDING_STOP_GRACE) < 0 ? ClassDataArchive.RECORDING_STOP_GRACE : grace;
        process.destroy();
        try {
            if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                int exit = process.exitValue();
                endRecording(ready && (exit == 0 || exit == 143)); // 143: ended by the SIGTERM
            } else {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                endRecording(false);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            endRecording(false);
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (SIGKILL) and waits until it is gone. */
    void kill() {
        downOnPurpose = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endRecording(false); // half written, if at all
    }

    /** Keeps the archive a recording JVM wrote (checked first), or deletes it. */
    private void endRecording(boolean keep) {
        ClassDataArchive archive = classData;
        if (!recording || archive == null) {
            return;
        }
        recording = false;
        if (keep) {
            archive.adoptRecording();
        } else {
            archive.dropRecording();
        }
    }

    /** The last lines of the service's log, for messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(the log " + log + " could not be read: " + e.getMessage() + ")";
        }
    }

    private void appendToLog(String text) {
        try {
            Files.writeString(log, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the marker line is a courtesy
        }
    }
}
