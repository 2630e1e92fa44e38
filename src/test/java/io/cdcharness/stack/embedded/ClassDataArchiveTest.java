package io.cdcharness.stack.embedded;

import io.cdcharness.stack.JavaRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    @Test
    void java25RecordsAnAotConfigurationAndThenStartsFromTheAotCache(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-25"), "25.0.3");
        ClassDataArchive archive = ClassDataArchive.in(root.resolve("cache"), true, java).forJvm("connect", "Main", List.of(java));

        ClassDataArchive.Launch first = archive.launch();
        assertThat(first.recording()).isTrue();
        assertThat(first.jvmOptions()).hasSize(2).first().isEqualTo("-XX:AOTMode=record");
        assertThat(first.jvmOptions().get(1)).startsWith("-XX:AOTConfiguration=" + root.resolve("cache/cds/services/connect-")).endsWith(".recording");

        String configuration = first.jvmOptions().get(1).substring("-XX:AOTConfiguration=".length());
        Path cache = Path.of(configuration.substring(0, configuration.indexOf(".aot.") + ".aot".length())); // what adoptRecording makes
        Files.writeString(cache, "made by -XX:AOTMode=create");
        ClassDataArchive.Launch later = archive.launch();
        assertThat(later.recording()).isFalse();
        assertThat(later.jvmOptions()).containsExactly("-XX:AOTCache=" + cache);
    }

    @Test
    void java17RecordsAndStartsFromADynamicArchive(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-17"), "17.0.15");
        ClassDataArchive archive = ClassDataArchive.in(root.resolve("cache"), true, java).forJvm("kafka", "kafka.Kafka", List.of(java));

        ClassDataArchive.Launch first = archive.launch();
        assertThat(first.recording()).isTrue();
        assertThat(first.jvmOptions()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=").contains(".jsa.");
    }

    @Test
    void aJavaOfAnUnknownReleaseGetsTheDynamicArchiveAndArchivesOffGetNoOptions(@TempDir Path root) throws Exception {
        Path java = fakeJava(root.resolve("jdk-x"), null);
        assertThat(JavaRuntimes.featureOf(java)).isZero();
        assertThat(ClassDataArchive.Format.of(java)).isEqualTo(ClassDataArchive.Format.CLASS_DATA);
        assertThat(JavaRuntimes.featureOf(fakeJava(root.resolve("jdk-25"), "25.0.3"))).isEqualTo(25);

        ClassDataArchive off = ClassDataArchive.in(root.resolve("cache"), false, java).forJvm("kafka", "kafka.Kafka", List.of(java));
        assertThat(off.launch()).isEqualTo(new ClassDataArchive.Launch(List.of(), false));
    }

    /** A Java home with an executable bin/java and, unless {@code version} is null, a release file. */
    private static Path fakeJava(Path home, String version) throws Exception {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return java;
    }
}
