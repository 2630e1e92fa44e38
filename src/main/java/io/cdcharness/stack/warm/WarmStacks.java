package io.cdcharness.stack.warm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Warm stacks: a stack that {@code ./cdc-harness up} keeps running is recorded under the cache
 * directory ({@code ~/.cache/cdc-harness/warm/<pid>.json}: owner, endpoints, settings), and later runs
 * on the machine attach to it instead of booting, when it is alive, free (no other run is attached)
 * and runs the same settings.
 *
 * <pre>{@code
 * WarmStacks.Attempt attempt = WarmStacks.attach(settings);
 * CdcStack stack = attempt.stack().orElseGet(() -> Stacks.start(settings)); // attempt.why() says why not
 * }</pre>
 *
 * A record whose owner died is swept by the next run that looks. One run at a time attaches: it holds a
 * file lock beside the record until it closes the stack, and the owner keeps running after it.
 */
public final class WarmStacks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WarmStacks() {
    }

    /** The outcome of looking for a warm stack: the attached stack, or why there is none to attach to. */
    public record Attempt(Optional<CdcStack> stack, String why) {
        static Attempt attached(CdcStack stack, String how) {
            return new Attempt(Optional.of(stack), how);
        }

        static Attempt none(String why) {
            return new Attempt(Optional.empty(), why);
        }
    }

    /** Where records live: {@code <cache>/warm}. */
    static Path directory(Settings settings) {
        return settings.cacheDir().resolve("warm");
    }

    /**
     * Records a running stack for other processes; closing the returned handle removes the record (the
     * owner calls it before it stops the stack).
     */
    public static AutoCloseable publish(CdcStack stack, Settings settings) {
        long pid = ProcessHandle.current().pid();
        WarmStackRecord record = WarmStackRecord.of(stack, pid, Instant.now().toString(), StackIdentity.of(settings));
        Path directory = directory(settings);
        Path file = directory.resolve(pid + ".json");
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, pid + "-", ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), record);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the warm stack in " + file + ": " + e.getMessage(), e);
        }
        return () -> {
            Files.deleteIfExists(file);
            Files.deleteIfExists(lockFile(file));
        };
    }

    /** Attaches to a live, free warm stack that runs these settings, or says in one line why not. */
    public static Attempt attach(Settings settings) {
        List<WarmStackRecord> records = liveRecords(directory(settings));
        if (records.isEmpty()) {
            return Attempt.none("no warm stack runs on this machine (./cdc-harness up starts one that later runs attach to)");
        }
        java.util.Map<String, String> wanted = StackIdentity.of(settings);
        List<String> reasons = new ArrayList<>();
        for (WarmStackRecord record : records) {
            String who = "the warm stack of pid " + record.ownerPid();
            Optional<String> difference = StackIdentity.difference(record.settings(), wanted);
            if (difference.isPresent()) {
                reasons.add(who + " differs: " + difference.get());
                continue;
            }
            if (!answers(record.connectUrl())) {
                reasons.add(who + " does not answer at " + record.connectUrl() + " (still booting, or stopping)");
                continue;
            }
            Path file = directory(settings).resolve(record.ownerPid() + ".json");
            Optional<FileLock> lock = lock(lockFile(file));
            if (lock.isEmpty()) {
                reasons.add(who + " is in use by another run (one run attaches at a time)");
                continue;
            }
            return Attempt.attached(new AttachedStack(record, lock.get()), "attached to " + who + " (" + record.description()
                    + ", up since " + record.startedAt() + "); -Dcdc.reuse=false boots an own stack instead");
        }
        return Attempt.none(String.join("; ", reasons));
    }

    /** Records of live owners; records of dead ones are deleted, saying so. */
    static List<WarmStackRecord> liveRecords(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<WarmStackRecord> live = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList()) {
                read(file).ifPresent(record -> {
                    if (ProcessHandle.of(record.ownerPid()).map(ProcessHandle::isAlive).orElse(false)) {
                        live.add(record);
                    } else {
                        sweep(file, "its owner, pid " + record.ownerPid() + ", is gone");
                    }
                });
            }
        } catch (IOException e) {
            HarnessLog.warn("could not list warm stacks in " + directory + ": " + e.getMessage());
        }
        return live;
    }

    private static Optional<WarmStackRecord> read(Path file) {
        try {
            return Optional.of(JSON.readValue(file.toFile(), WarmStackRecord.class));
        } catch (IOException e) {
            sweep(file, "it is unreadable (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return Optional.empty();
        }
    }

    private static void sweep(Path file, String why) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(lockFile(file));
            HarnessLog.info("swept the warm stack record " + file + ": " + why);
        } catch (IOException e) {
            HarnessLog.warn("could not sweep the stale warm stack record " + file + ": " + e.getMessage());
        }
    }

    private static Path lockFile(Path record) {
        return record.resolveSibling(record.getFileName().toString().replace(".json", ".lock"));
    }

    private static Optional<FileLock> lock(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                }
                return Optional.ofNullable(lock);
            } catch (OverlappingFileLockException sameJvm) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean answers(String connectUrl) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(connectUrl + "/")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
