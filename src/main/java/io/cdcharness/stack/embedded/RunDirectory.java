package io.cdcharness.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary directory of one embedded stack: data directories, configs and logs of every
 * service. It records the PID of the JVM that owns it and of each server, so that a later run can
 * remove what a run killed without warning left behind.
 */
final class RunDirectory {
    private static final String PREFIX = "cdc-harness-run-";
    private static final String OWNER = "owner.pid";
    private static final String SERVERS = "servers.pid";

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    static RunDirectory create() {
        try {
            Path root = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
            Files.writeString(root.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the stack's temporary directory in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    Path service(String name) {
        Path dir = root.resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir + ": " + e.getMessage(), e);
        }
    }

    synchronized void recordServer(long pid) {
        try {
            Files.writeString(root.resolve(SERVERS), pid + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // only the sweep of a later run needs this; the reaper knows the PID already
        }
    }

    void delete() {
        deleteTree(root);
    }

    /**
     * Removes run directories whose owning JVM is gone, killing the servers they list first. Returns
     * how many it removed.
     */
    static int sweepAbandoned() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        int removed = 0;
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (!ownerAlive(dir)) {
                    killServers(dir);
                    deleteTree(dir);
                    removed++;
                }
            }
        } catch (IOException ignored) {
            // nothing to sweep
        }
        return removed;
    }

    private static boolean ownerAlive(Path dir) {
        try {
            long owner = Long.parseLong(Files.readString(dir.resolve(OWNER)).trim());
            return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            // no owner file yet: a run that is just starting, or not ours; leave it unless it is old
            try {
                return Files.getLastModifiedTime(dir).toMillis() > System.currentTimeMillis() - 60_000;
            } catch (IOException gone) {
                return true;
            }
        }
    }

    private static void killServers(Path dir) {
        try {
            List<String> pids = Files.readAllLines(dir.resolve(SERVERS));
            for (String pid : pids) {
                if (!pid.isBlank()) {
                    // Only a process whose command line names this run directory: a reused PID is someone else's.
                    ProcessHandle.of(Long.parseLong(pid.trim()))
                            .filter(process -> process.info().commandLine().map(line -> line.contains(dir.toString())).orElse(false))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // no servers recorded
        }
    }

    static void deleteTree(Path root) {
        io.cdcharness.stack.Directories.deleteTree(root);
    }
}
