package io.cdcharness.stack.embedded;

import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.JavaRuntimes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A class-data archive for one child JVM of the stack, so that the broker and the worker start from classes
 * already parsed and verified: about 1 s less for Kafka and 2 s for Connect. On Java 25 and later it is an
 * AOT cache ({@link Format#AOT_CACHE}), whose classes are linked too: boot to streaming 3.8 s on Java 17 with
 * dynamic CDS, 3.3 s on Java 25 with the cache, on a 2-core machine here.
 * <p>
 * The first boot of a class path and set of JVM flags records: its JVM writes the archive (or, on Java 25, the AOT configuration)
 * as it stops, and once it has stopped when asked the cache is made from the configuration ({@code
 * -XX:AOTMode=create}, a few seconds once), checked ({@code java -Xshare:on} or {@code -XX:AOTMode=on}) and
 * moved in under a name that holds the Java and the class path. Later boots start from it. An archive Java
 * cannot use is ignored by the JVM (the default {@code -Xshare:auto} and {@code -XX:AOTMode=auto}), so a stale
 * one costs speed, never correctness. Classes that Connect's plugin loaders define come from the archive only
 * when their bytes match.
 *
 * <pre>{@code
 * ClassDataArchive archive = ClassDataArchive.in(cacheDir, true, java).forJvm("kafka", command); // java ... -cp ... kafka.Kafka ...
 * ClassDataArchive.Launch launch = archive.launch(); // -XX:AOTCache=... or -XX:AOTMode=record ... (Java 17: -XX:SharedArchiveFile=...)
 * // ... after a recording JVM that was ready stopped when asked:
 * archive.adoptRecording();
 * }</pre>
 */
final class ClassDataArchive {
    /** How long a recording JVM may take to stop: it writes tens of MB as it exits. */
    static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration UNUSED_FOR = Duration.ofDays(7);
    private static final AtomicLong RECORDINGS = new AtomicLong();
    /** The first Java whose AOT cache the services use: the LTS that was measured here (Java 24 has the cache too). */
    static final int AOT_CACHE_SINCE = 25;

    private final String service;
    private final Path javaCommand;
    private final String classpath;
    /** The options an archive must match: the JVM's own flags, not its system properties. */
    private final List<String> options;
    private final Format format;
    private final Path archive;
    private final Path recording;

    private ClassDataArchive(String service, Path java, String classpath, List<String> options, Format format, Path archive, Path recording) {
        this.service = service;
        this.javaCommand = java;
        this.classpath = classpath;
        this.options = options;
        this.format = format;
        this.archive = archive;
        this.recording = recording;
    }

    /**
     * How a Java keeps a JVM's classes. Java 25 and later: an AOT cache (JEP 483), whose classes are loaded and
     * linked already; it is made from the recording in a second step. Older Java: a dynamic CDS archive, which
     * the JVM writes as it exits.
     */
    enum Format {
        CLASS_DATA(".jsa"), AOT_CACHE(".aot");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }

        /** The format of the JVMs that {@code java} runs: read from its runtime's {@code release} file. */
        static Format of(Path java) {
            return JavaRuntimes.featureOf(java) >= AOT_CACHE_SINCE ? AOT_CACHE : CLASS_DATA;
        }

        List<String> startFrom(Path archive) {
            return List.of(this == AOT_CACHE ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive);
        }

        List<String> record(Path recording) {
            return this == AOT_CACHE ? List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + recording)
                    : List.of("-XX:ArchiveClassesAtExit=" + recording);
        }

        /** The file the JVM starts from, made from the recording: the recording itself, or a cache made from it. */
        Path candidate(Path recording) {
            return this == AOT_CACHE ? recording.resolveSibling(recording.getFileName() + suffix) : recording;
        }

        /** An option that names an archive, and so is the launch's own, not one that an archive must match. */
        static boolean namesAnArchive(String option) {
            return option.contains("SharedArchiveFile") || option.contains("ArchiveClassesAtExit") || option.startsWith("-XX:AOT")
                    || option.startsWith("-Xshare");
        }
    }

    /**
     * Where the archives of the JVMs that {@code java} runs are kept; {@code enabled=false}
     * (cdc.class.data.sharing=false) gives JVMs without one.
     */
    static Directory in(Path cacheDir, boolean enabled, Path java) {
        return new Directory(cacheDir.resolve("cds").resolve("services"), enabled, java, Format.of(java));
    }

    /** The archives of one Java runtime: {@link #java()} launches the JVMs that use them. */
    record Directory(Path dir, boolean enabled, Path java, Format format) {
        /**
         * The archive of the JVM that {@code command} ({@code java <options> -cp <class path> <main class> <args>})
         * starts: used when it exists, else recorded by this start. Its name holds the Java, the class path and the
         * JVM's flags, which an archive must match.
         */
        ClassDataArchive forJvm(String service, List<String> command) {
            int cp = command.indexOf("-cp");
            String classpath = command.get(cp + 1);
            List<String> options = archiveOptions(command.subList(1, cp));
            if (!enabled) {
                return new ClassDataArchive(service, java, classpath, options, format, null, null);
            }
            sweep();
            Path archive = dir.resolve(service + "-" + key(java, command.get(cp + 2), classpath, options) + format.suffix);
            Path recording = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + RECORDINGS.incrementAndGet() + ".recording");
            return new ClassDataArchive(service, java, classpath, options, format, archive, recording);
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
                        boolean archive = name.endsWith(Format.CLASS_DATA.suffix) || name.endsWith(Format.AOT_CACHE.suffix);
                        if ((archive && modified.isBefore(unused)) || (name.contains(".recording") && modified.isBefore(abandoned))) {
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
            return new Launch(format.startFrom(archive), false);
        }
        try {
            Files.createDirectories(recording.getParent());
        } catch (IOException e) {
            return new Launch(List.of(), false);
        }
        return new Launch(format.record(recording), true);
    }

    /**
     * After a recording JVM that was ready stopped when asked: checks what it wrote with the JVM flags it
     * ran with (heap size decides compressed pointers, which an archive must match) and moves it in, or
     * drops it, saying why once.
     */
    void adoptRecording() {
        if (recording == null || !Files.isRegularFile(recording)) {
            return;
        }
        Path making = archive.resolveSibling(archive.getFileName() + ".recording.making");
        boolean claimed = false;
        try {
            claimed = !Files.isRegularFile(archive) && claim(making);
            if (!claimed) {
                Files.deleteIfExists(recording); // another run kept one first, or is making it now
                return;
            }
            Path candidate = format.candidate(recording);
            String refused = format == Format.AOT_CACHE ? run(java("-XX:AOTMode=create", "-XX:AOTConfiguration=" + recording,
                    "-XX:AOTCache=" + candidate), "java -XX:AOTMode=create", false) : null;
            if (refused == null) {
                refused = refusal(candidate);
            }
            if (format == Format.AOT_CACHE) {
                Files.deleteIfExists(recording);
            }
            if (refused != null) {
                Files.deleteIfExists(candidate);
                HarnessLog.warn("the class-data archive " + service + " recorded is not usable (" + refused + "); the next boot records it again."
                        + " Set cdc.class.data.sharing=false if this repeats");
                return;
            }
            Files.move(candidate, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            HarnessLog.info(String.format(Locale.ROOT, "class-data archive of %s written (%,d MB, %s): the next boots start from it"
                    + " (cdc.class.data.sharing=false boots without)", service, Files.size(archive) >> 20, archive));
        } catch (IOException e) {
            HarnessLog.warn("could not keep the class-data archive of " + service + " (" + e.getMessage() + "); the next boot records it again");
        } finally {
            try {
                if (claimed) {
                    Files.deleteIfExists(making);
                }
            } catch (IOException e) {
                // swept with the recordings a day later
            }
        }
    }

    /** True when this run may make the archive: no other run is making it (two would race for the same CPU). */
    private static boolean claim(Path making) throws IOException {
        try {
            Files.createFile(making);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Drops a recording of a JVM that was killed. */
    void dropRecording() {
        if (recording != null) {
            try {
                Files.deleteIfExists(recording);
                Files.deleteIfExists(format.candidate(recording));
            } catch (IOException e) {
                // swept a day later
            }
        }
    }

    /** Null when the JVM starts from the candidate (and only from it) with the flags the recording JVM ran with; else what it said. */
    private String refusal(Path candidate) {
        return format == Format.AOT_CACHE
                ? run(java("-XX:AOTMode=on", "-XX:AOTCache=" + candidate, "-version"), "java -XX:AOTMode=on", true)
                : run(java("-XX:SharedArchiveFile=" + candidate, "-Xshare:on", "-XX:+VerifySharedSpaces", "-version"), "java -Xshare:on", true);
    }

    /** The recording JVM's java, its flags and class path, then {@code more}. */
    private List<String> java(String... more) {
        List<String> line = new ArrayList<>();
        line.add(javaCommand.toString());
        line.addAll(options);
        line.addAll(List.of("-cp", classpath));
        line.addAll(List.of(more));
        return line;
    }

    /**
     * What an archive must match of a JVM's options: its flags (heap size decides compressed pointers, modules and
     * opened packages the module graph), not its system properties, except that the JMX agent's adds a module.
     */
    static List<String> archiveOptions(List<String> jvmOptions) {
        List<String> kept = new ArrayList<>(jvmOptions.stream()
                .filter(option -> !option.startsWith("-D") && !Format.namesAnArchive(option)).toList());
        if (jvmOptions.stream().anyMatch(option -> option.startsWith("-Dcom.sun.management"))) {
            // java adds this module for the JMX agent; an AOT cache made without it drops its module graph, with an error line
            kept.add("--add-modules=jdk.management.agent");
        }
        return List.copyOf(kept);
    }

    private static final Pattern ARCHIVE_COMPLAINT =
            Pattern.compile("\\[error\\]\\[[^\\]]*\\b(aot|cds)\\b");

    /**
     * Null when {@code command} exits 0 within 60 s and, if {@code startsFromIt}, without an error about the archive
     * (Java reports a cache it uses only in part, and exits 0); else what it said. Warnings do not count: making a
     * cache warns about the classes it leaves out, and {@code java -version} about code a real start would not use.
     * Its output goes to a file beside the recording.
     */
    private String run(List<String> command, String what, boolean startsFromIt) {
        Path output = recording.resolveSibling(recording.getFileName() + ".log");
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                return what + " did not answer within 60 s";
            }
            List<String> said = Files.readAllLines(output);
            Optional<String> complaint = said.stream().filter(line -> startsFromIt && ARCHIVE_COMPLAINT.matcher(line).find()).findFirst();
            if (process.exitValue() == 0 && complaint.isEmpty()) {
                return null;
            }
            return what + " exited with " + process.exitValue() + ": " + complaint.orElse(said.stream().findFirst().orElse("(no output)"));
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // swept with the recordings a day later
            }
        }
    }

    /**
     * The Java runtime (its real path and its modules file's size and time) and the class path, each jar with
     * its size and time: a new build, Java or version gets a new archive.
     */
    private static String key(Path java, String mainClass, String classpath, List<String> options) {
        StringBuilder text = new StringBuilder();
        try {
            Path real = java.toRealPath();
            text.append(real).append('\n');
            Path modules = real.getParent().resolveSibling("lib").resolve("modules");
            text.append(Files.size(modules)).append(' ').append(Files.getLastModifiedTime(modules).toMillis()).append('\n');
        } catch (IOException e) {
            text.append(java).append('\n');
        }
        text.append(mainClass).append('\n').append(String.join(" ", options)).append('\n');
        for (Path entry : Stream.of(classpath.split(File.pathSeparator)).map(Path::of).toList()) {
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
