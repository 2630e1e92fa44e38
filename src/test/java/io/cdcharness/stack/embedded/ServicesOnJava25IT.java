package io.cdcharness.stack.embedded;

import io.cdcharness.stack.JavaRuntimes;
import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a machine with Java 25 the embedded stack runs Kafka and Connect on it, from AOT caches that the first boot of a
 * version records and its stop makes; Java accepts the cache whole (a flag that differs between the recording and a
 * later start makes it drop part of it, with an error line in the service's log).
 */
class ServicesOnJava25IT {

    @Test
    void kafkaAndConnectStartFromTheirAotCacheOnJava25() throws Exception {
        JavaRuntimes.Runtime java25 = JavaRuntimes.newest(ClassDataArchive.AOT_CACHE_SINCE).orElse(null);
        assumeTrue(java25 != null, "no Java 25 or later on this machine: Kafka and Connect run on the harness's Java with class-data sharing");
        Settings settings = Settings.load();
        assumeTrue(settings.get(Settings.Key.SERVICES_JAVA).isBlank() && settings.flag(Settings.Key.CLASS_DATA_SHARING),
                "cdc.services.java or cdc.class.data.sharing is set");

        List<String> firstBoot = bootAndStop(settings); // records the caches when this version has none yet
        List<String> logs = firstBoot.stream().anyMatch(line -> line.contains("-XX:AOTMode=record")) ? bootAndStop(settings) : firstBoot;

        assertThat(logs).as("Connect's JVM (its WorkerInfo lines)").anySatisfy(line -> assertThat(line)
                .contains("jvm.spec = ").contains(", " + java25.feature() + "."));
        assertThat(logs).as("Connect's JVM arguments").anySatisfy(line -> assertThat(line)
                .contains("jvm.args = -XX:AOTCache=" + settings.cacheDir().resolve("cds/services/connect-")));
        assertThat(logs).as("what Java said about the AOT caches in Kafka's and Connect's logs")
                .noneMatch(line -> line.matches("^\\[[0-9.]+s]\\[(error|warning)]\\[(aot|cds)].*"));
    }

    /** Boots a stack, stops it, and returns the lines of its Kafka and Connect logs. */
    private static List<String> bootAndStop(Settings settings) throws Exception {
        Path kafka;
        Path connect;
        try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
            kafka = stack.logs().get("kafka");
            connect = stack.logs().get("connect");
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(kafka));
            lines.addAll(Files.readAllLines(connect));
            return lines;
        }
    }
}
