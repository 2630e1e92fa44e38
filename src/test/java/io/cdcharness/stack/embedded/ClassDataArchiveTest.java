package io.cdcharness.stack.embedded;

import io.cdcharness.stack.JavaRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {
    /** A fake java: it writes its arguments to args.txt beside it; with -XX:AOTMode=create it writes the cache it was asked for. */
    private static final String MAKES_THE_CACHE = """
            #!/bin/sh
            echo "$@" >> "$(dirname "$0")/args.txt"
            for arg in "$@"; do case "$arg" in -XX:AOTCache=*) cache="${arg#-XX:AOTCache=}";; -XX:AOTMode=create) create=1;; esac; done
            [ -n "$create" ] && echo cache > "$cache"
            exit 0
            """;

    @Test
    void java25RecordsAnAotConfigurationAndThenStartsFromTheAotCache(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-25"), "25.0.3", MAKES_THE_CACHE);
        ClassDataArchive archive = ClassDataArchive.in(root.resolve("cache"), true, java).forJvm("connect", command(java));

        ClassDataArchive.Launch first = archive.launch();
        assertThat(first.recording()).isTrue();
        assertThat(first.jvmOptions()).hasSize(2).first().isEqualTo("-XX:AOTMode=record");
        String configuration = first.jvmOptions().get(1).substring("-XX:AOTConfiguration=".length());
        assertThat(configuration).startsWith(root.resolve("cache/cds/services/connect-").toString()).endsWith(".recording");

        Files.writeString(Path.of(configuration), "what the recording JVM wrote as it stopped");
        archive.adoptRecording();
        Path cache = Path.of(configuration.substring(0, configuration.indexOf(".aot.") + ".aot".length()));
        assertThat(cache).hasContent("cache");
        try (Stream<Path> left = Files.list(cache.getParent())) {
            assertThat(left).as("the recording, its made cache and the checks' output are gone").containsExactly(cache);
        }
        assertThat(Files.readAllLines(java.resolveSibling("args.txt"))).as("the create and the check, with the JVM's flags")
                .containsExactly(
                        "-Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED --add-modules=jdk.management.agent -cp " + java
                                + " -XX:AOTMode=create -XX:AOTConfiguration=" + configuration + " -XX:AOTCache=" + configuration + ".aot",
                        "-Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED --add-modules=jdk.management.agent -cp " + java
                                + " -XX:AOTMode=on -XX:AOTCache=" + configuration + ".aot -version");

        ClassDataArchive.Launch later = archive.launch();
        assertThat(later.recording()).isFalse();
        assertThat(later.jvmOptions()).containsExactly("-XX:AOTCache=" + cache);
    }

    @Test
    void aCacheJavaReportsAnErrorAboutIsNotKeptEvenWhenJavaExitsZero(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-25"), "25.0.3", MAKES_THE_CACHE.replace("exit 0",
                "echo '[0.015s][error][aot] Mismatched values for property jdk.module.addmods'\nexit 0"));
        ClassDataArchive archive = ClassDataArchive.in(root.resolve("cache"), true, java).forJvm("connect", command(java));
        String configuration = archive.launch().jvmOptions().get(1).substring("-XX:AOTConfiguration=".length());
        Files.writeString(Path.of(configuration), "what the recording JVM wrote as it stopped");

        archive.adoptRecording();

        try (Stream<Path> left = Files.list(Path.of(configuration).getParent())) {
            assertThat(left).as("nothing kept: the next boot records again").isEmpty();
        }
        assertThat(archive.launch().recording()).isTrue();
    }

    @Test
    void aRunThatFindsAnotherMakingTheCacheDropsItsRecordingAndLeavesTheOthersClaim(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-25"), "25.0.3", MAKES_THE_CACHE);
        ClassDataArchive archive = ClassDataArchive.in(root.resolve("cache"), true, java).forJvm("connect", command(java));
        String configuration = archive.launch().jvmOptions().get(1).substring("-XX:AOTConfiguration=".length());
        Files.writeString(Path.of(configuration), "what the recording JVM wrote as it stopped");
        Path making = Path.of(configuration.substring(0, configuration.indexOf(".aot.") + ".aot".length()) + ".recording.making");
        Files.createFile(making);

        archive.adoptRecording();

        try (Stream<Path> left = Files.list(making.getParent())) {
            assertThat(left).containsExactly(making);
        }
        assertThat(java.resolveSibling("args.txt")).doesNotExist();
    }

    @Test
    void theArchivesNameChangesWithTheJvmsFlagsButNotWithItsSystemProperties(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-25"), "25.0.3", MAKES_THE_CACHE);
        ClassDataArchive.Directory archives = ClassDataArchive.in(root.resolve("cache"), true, java);
        String one = archives.forJvm("kafka", List.of(java.toString(), "-Xmx1g", "-Dport=1", "-cp", java.toString(), "kafka.Kafka")).launch().jvmOptions().get(1);
        String otherPort = archives.forJvm("kafka", List.of(java.toString(), "-Xmx1g", "-Dport=2", "-cp", java.toString(), "kafka.Kafka")).launch().jvmOptions().get(1);
        String otherHeap = archives.forJvm("kafka", List.of(java.toString(), "-Xmx2g", "-Dport=1", "-cp", java.toString(), "kafka.Kafka")).launch().jvmOptions().get(1);

        assertThat(archiveName(otherPort)).isEqualTo(archiveName(one));
        assertThat(archiveName(otherHeap)).isNotEqualTo(archiveName(one));
    }

    @Test
    void java17RecordsADynamicArchive(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-17"), "17.0.15", MAKES_THE_CACHE);
        ClassDataArchive.Launch first = ClassDataArchive.in(root.resolve("cache"), true, java).forJvm("kafka", command(java)).launch();
        assertThat(first.recording()).isTrue();
        assertThat(first.jvmOptions()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=").contains(".jsa.");
    }

    @Test
    void aJavaWithoutAReleaseFileGetsTheDynamicArchive(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-x"), null, MAKES_THE_CACHE);
        assertThat(JavaRuntimes.featureOf(java)).isZero();
        assertThat(ClassDataArchive.Format.of(java)).isEqualTo(ClassDataArchive.Format.CLASS_DATA);
        assertThat(JavaRuntimes.featureOf(fakeJava(root.resolve("jdk-25"), "25.0.3", MAKES_THE_CACHE))).isEqualTo(25);
    }

    @Test
    void archivesOffGiveNoOptions(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-25"), "25.0.3", MAKES_THE_CACHE);
        ClassDataArchive off = ClassDataArchive.in(root.resolve("cache"), false, java).forJvm("kafka", command(java));
        assertThat(off.launch()).isEqualTo(new ClassDataArchive.Launch(List.of(), false));
    }

    private static List<String> command(Path java) {
        return List.of(java.toString(), "-Xmx1g", "-Dcom.sun.management.jmxremote.port=4242", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", java.toString(), "Main", "worker.properties");
    }

    private static String archiveName(String recordingOption) {
        return recordingOption.substring(recordingOption.lastIndexOf('/') + 1, recordingOption.indexOf(".aot."));
    }

    /** A Java home with bin/java running {@code script} and, unless {@code version} is null, a release file. */
    private static Path fakeJava(Path home, String version, String script) throws Exception {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, script);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return java;
    }
}
