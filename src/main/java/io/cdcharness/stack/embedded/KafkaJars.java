package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;
import io.cdcharness.stack.Versions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class paths of the Kafka broker and the Connect worker for any Kafka version from 2.x to 4.x, all
 * logging through log4j 2 with the harness's config: Kafka before 4.0 logs through log4j 1 (log4j or
 * reload4j), which is swapped for log4j 2's 1.2 bridge, so one log format and config serve all.
 */
final class KafkaJars {
    static final String LOG4J = "2.24.3";
    private static final List<String> LOG4J_1 = List.of("log4j:log4j", "ch.qos.reload4j:reload4j",
            "org.slf4j:slf4j-log4j12", "org.slf4j:slf4j-reload4j");

    private KafkaJars() {
    }

    static List<Path> broker(MavenArtifacts artifacts, String version) {
        check(artifacts, "kafka", "org.apache.kafka", "kafka_2.13", version, "Kafka", "cdc.kafka.version");
        return artifacts.classpath("kafka", withLogging(version, List.of("org.apache.kafka:kafka_2.13:" + version)), LOG4J_1);
    }

    static List<Path> connect(MavenArtifacts artifacts, String version) {
        check(artifacts, "connect", "org.apache.kafka", "connect-runtime", version, "Kafka Connect", "cdc.connect.version");
        return artifacts.classpath("connect", withLogging(version, List.of(
                "org.apache.kafka:connect-runtime:" + version,
                "org.apache.kafka:connect-json:" + version,
                "org.apache.kafka:connect-transforms:" + version)), LOG4J_1);
    }

    private static List<String> withLogging(String kafkaVersion, List<String> coordinates) {
        List<String> all = new ArrayList<>(coordinates);
        all.add("org.apache.logging.log4j:log4j-slf4j-impl:" + LOG4J);
        all.add("org.apache.logging.log4j:log4j-core:" + LOG4J);
        if (Versions.of(kafkaVersion).before(4, 0)) {
            all.add("org.apache.logging.log4j:log4j-1.2-api:" + LOG4J);
        }
        return all;
    }

    /** A version that is not published fails with the published ones near it, before a long resolution. */
    private static void check(MavenArtifacts artifacts, String service, String group, String artifact, String version,
                              String product, String setting) {
        try {
            artifacts.classpath(service + "-probe", List.of(group + ":" + artifact + ":" + version), List.of("*:*"));
        } catch (StackBootException e) {
            List<String> published = artifacts.maven().versions(group, artifact);
            if (!published.contains(version)) {
                throw new StackBootException(service, Versions.notPublished(product, version, published, group + ":" + artifact,
                        artifacts.maven().repositoryDescription()) + " Set " + setting + " to one of them.", null);
            }
            throw e;
        }
    }
}
