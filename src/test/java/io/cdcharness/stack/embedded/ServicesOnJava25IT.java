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
 * With cdc.services.java on a Java 25 or later, the embedded stack runs Kafka and Connect on it, from AOT caches that
 * the first boot of a version records and its stop makes; Java accepts the cache whole (a flag that differs between
 * the recording and a later start makes it drop part of the cache, with an error line in the service's log).
 */
class ServicesOnJava25IT {

    @Test
    void kafkaAndConnectStartFromTheirAotCacheOnJava25() throws Exception {
        JavaRuntimes.Runtime java25 = JavaRuntimes.find(ClassDataArchive.AOT_CACHE_SINCE, null).orElse(null);
        assumeTrue(java25 != null, "no Java 25 or later on this machine: the AOT cache cannot be tried");
        Settings settings = Settings.load().with(Settings.Key.SERVICES_JAVA.property(), java25.java().toString())
                .with(Settings.Key.CLASS_DATA_SHARING.property(), "true");

        List<String> firstBoot = bootAndStop(settings); // records the caches when this version has none yet
        List<String> logs = firstBoot.stream().anyMatch(line -> line.contains("-XX:AOTMode=record")) ? bootAndStop(settings) : firstBoot;

        assertThat(logs).as("Connect's JVM (its WorkerInfo lines)").anySatisfy(line -> assertThat(line)
                .contains("jvm.spec = ").contains(", " + java25.feature() + "."));
        assertThat(logs).as("Connect's JVM arguments").anySatisfy(line -> assertThat(line)
                .contains("jvm.args = -XX:AOTCache=" + settings.cacheDir().resolve("cds/services/connect-")));
        assertThat(logs).as("what Java said about the AOT caches in Kafka's and Connect's logs")
                .noneMatch(line -> COMPLAINT.matcher(line).find());
    }

    /**
     * What Java writes when it drops part of a cache: "[0.090s][error][aot] Mismatched values for property jdk.module.addmods".
     * Warnings do not count: Java 25 sometimes warns that it regenerates a few call adapters ("[warning][aot,codecache,stubs]
     * Saved blob's name ... is different"), from a cache it otherwise uses.
     */
    private static final java.util.regex.Pattern COMPLAINT = java.util.regex.Pattern.compile("\\[error]\\[[^\\]]*\\b(aot|cds)\\b");

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
