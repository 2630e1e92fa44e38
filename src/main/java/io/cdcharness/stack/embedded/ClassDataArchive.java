package io.cdcharness.stack.embedded;

import io.cdcharness.stack.HarnessLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A class-data archive (Java's dynamic CDS) for one child JVM of the stack, so that the broker and the
 * worker start from classes already parsed and verified: about 1 s less for Kafka and 2 s for Connect.
 * <p>
 * The first boot of a class path records: its JVM writes the archive as it stops, and once it has
 * stopped when asked the archive is checked ({@code java -Xshare:on}) and moved in under a name that
 * holds the Java and the class path. Later boots start from it. An archive Java cannot use is ignored
 * by the JVM ({@code -Xshare:auto}), so a stale one costs speed, never correctness. Classes that
 * Connect's plugin loaders define come from the archive only when their bytes match.
 *
 * <pre>{@code
 * ClassDataArchive archive = ClassDataArchive.in(cacheDir, true, java).forJvm("kafka", "kafka.Kafka", classpath);
 * ClassDataArchive.Launch launch = archive.launch(); // -XX:SharedArchiveFile=... or -XX:ArchiveClassesAtExit=...
 * // ... after a recording JVM that was ready stopped when asked:
 * archive.adoptRecording(command);
 * }</pre>
 */
final class ClassDataArchive {
    /** How long a recording JVM may take to stop: it writes tens of MB as it exits. */
    static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration UNUSED_FOR = Duration.ofDays(7);
    private static final AtomicLong RECORDINGS = new AtomicLong();

    private final String service;
    private final List<Path> classpath;
    private final Path archive;
    private final Path recording;

    private ClassDataArchive(String service, List<Path> classpath, Path archive, Path recording) {
        this.service = service;
        this.classpath = classpath;
        this.archive = archive;
        this.recording = recording;
    }

    /**
     * Where the archives of the JVMs that {@code java} runs are kept; {@code enabled=false}
     * (cdc.class.data.sharing=false) gives JVMs without one.
     */
    static Directory in(Path cacheDir, boolean enabled, Path java) {
        return new Directory(cacheDir.resolve("cds").resolve("services"), enabled, java);
    }

    /** The archives of one Java runtime: {@link #java()} launches the JVMs that use them. */
    record Directory(Path dir, boolean enabled, Path java) {
        /** The archive of this JVM: used when it exists, else recorded by this start. */
        ClassDataArchive forJvm(String service, String mainClass, List<Path> classpath) {
            if (!enabled) {
                return new ClassDataArchive(service, classpath, null, null);
            }
            sweep();
            Path archive = dir.resolve(service + "-" + key(java, mainClass, classpath) + ".jsa");
            Path recording = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + RECORDINGS.incrementAndGet() + ".recording");
            return new ClassDataArchive(service, classpath, archive, recording);
        }

        /** Archives unused for a week and recordings a killed JVM left behind go. */
        private void sweep() {
            if (!Files.isDirectory(dir)) {
                return;
            }
            Instant unused = Instant.now().minus(UNUSED_FOR);
            Instant abandoned = Instant.now().minus(Duration.ofDays(1));
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> {
                    try {
                        Instant modified = Files.getLastModifiedTime(file).toInstant();
                        String name = file.getFileName().toString();
                        if ((name.endsWith(".jsa") && modified.isBefore(unused)) || (name.endsWith(".recording") && modified.isBefore(abandoned))) {
                            Files.deleteIfExists(file);
                        }
                    } catch (IOException e) {
                        // another run swept it first
                    }
                });
            } catch (IOException e) {
                // nothing to sweep
            }
        }
    }

    /** The JVM options of one launch, and whether that launch records the archive. */
    record Launch(List<String> jvmOptions, boolean recording) {
    }

    /**
     * The options for a launch now: start from the archive when it exists, else record it (the JVM then
     * needs {@link #RECORDING_STOP_GRACE} to stop); none when archives are off or the cache cannot be written.
     */
    Launch launch() {
        if (archive == null) {
            return new Launch(List.of(), false);
        }
        if (Files.isRegularFile(archive)) {
            touch(archive);
            return new Launch(List.of("-XX:SharedArchiveFile=" + archive), false);
        }
        try {
            Files.createDirectories(recording.getParent());
        } catch (IOException e) {
            return new Launch(List.of(), false);
        }
        return new Launch(List.of("-XX:ArchiveClassesAtExit=" + recording), true);
    }

    /**
     * After a recording JVM that was ready stopped when asked: checks what it wrote with the JVM flags it
     * ran with (heap size decides compressed pointers, which an archive must match) and moves it in, or
     * drops it, saying why once.
     */
    void adoptRecording(List<String> command) {
        if (recording == null || !Files.isRegularFile(recording)) {
            return;
        }
        try {
            if (Files.isRegularFile(archive)) {
                Files.deleteIfExists(recording); // another run kept one first
                return;
            }
            String refused = refusal(recording, command);
            if (refused != null) {
                Files.deleteIfExists(recording);
                HarnessLog.warn("the class-data archive " + service + " recorded is not usable (" + refused + "); the next boot records it again."
                        + " Set cdc.class.data.sharing=false if this repeats");
                return;
            }
            Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            HarnessLog.info(String.format(java.util.Locale.ROOT, "class-data archive of %s written (%,d MB, %s): the next boots start from it"
                    + " (cdc.class.data.sharing=false boots without)", service, Files.size(archive) >> 20, archive));
        } catch (IOException e) {
            HarnessLog.warn("could not keep the class-data archive of " + service + " (" + e.getMessage() + "); the next boot records it again");
        }
    }

    /** Drops a recording of a JVM that was killed. */
    void dropRecording() {
        if (recording != null) {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                // swept a day later
            }
        }
    }

    /** Null when {@code java -Xshare:on} starts from the candidate with the flags the JVM ran with; else what it said. */
    private String refusal(Path candidate, List<String> command) {
        List<String> check = new java.util.ArrayList<>();
        check.add(command.get(0));
        command.stream().filter(option -> (option.startsWith("-XX:") || option.startsWith("-Xm") || option.startsWith("-Xss"))
                && !option.contains("SharedArchiveFile") && !option.contains("ArchiveClassesAtExit")).forEach(check::add);
        check.addAll(List.of("-XX:SharedArchiveFile=" + candidate, "-Xshare:on", "-XX:+VerifySharedSpaces", "-cp",
                classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)), "-version"));
        try {
            Process process = new ProcessBuilder(check).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "java -Xshare:on did not answer within 30 s";
            }
            return process.exitValue() == 0 ? null
                    : "java -Xshare:on exited with " + process.exitValue() + ": " + output.lines().findFirst().orElse("(no output)");
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The Java runtime (its real path and its modules file's size and time) and the class path, each jar with
     * its size and time: a new build, Java or version gets a new archive.
     */
    private static String key(Path java, String mainClass, List<Path> classpath) {
        StringBuilder text = new StringBuilder();
        try {
            Path real = java.toRealPath();
            text.append(real).append('\n');
            Path modules = real.getParent().resolveSibling("lib").resolve("modules");
            text.append(Files.size(modules)).append(' ').append(Files.getLastModifiedTime(modules).toMillis()).append('\n');
        } catch (IOException e) {
            text.append(java).append('\n');
        }
        text.append(mainClass).append('\n');
        for (Path entry : classpath) {
            text.append(entry.toAbsolutePath());
            try {
                text.append(' ').append(Files.size(entry)).append(' ').append(Files.getLastModifiedTime(entry).toMillis());
            } catch (IOException e) {
                text.append(" missing");
            }
            text.append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // read-only cache: the archive still works
        }
    }
}
