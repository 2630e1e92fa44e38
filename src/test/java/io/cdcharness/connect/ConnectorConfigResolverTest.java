package io.cdcharness.connect;

import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.References;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorConfigResolverTest {
    private static final Path SEED = Path.of("fixtures/connectors/my-source-connector.json");

    private static ConnectorConfigResolver.Resolution resolveSeed(DatabaseFlavor flavor) {
        DatabaseEndpoint database = new DatabaseEndpoint(flavor, "127.0.0.1", 43306, "127.0.0.1", 43306, "root", "root", 1);
        return new ConnectorConfigResolver(database, "127.0.0.1:49092").resolve(ConnectorDefinition.read(SEED));
    }

    @Test
    void theSeedConfigIsTranslatedForDebezium3AndPointedAtTheStack() {
        ConnectorConfigResolver.Resolution resolution = resolveSeed(DatabaseFlavor.MYSQL);

        assertThat(resolution.connector().name()).isEqualTo("my-source-connector");
        assertThat(resolution.connector().config())
                .containsEntry("topic.prefix", "originDB")
                .containsEntry("schema.history.internal.kafka.topic", "my-source-connector-history")
                .containsEntry("schema.history.internal.kafka.bootstrap.servers", "127.0.0.1:49092")
                .containsEntry("database.hostname", "127.0.0.1")
                .containsEntry("database.port", "43306")
                .containsEntry("connector.class", "io.debezium.connector.mysql.MySqlConnector")
                .containsEntry("database.include.list", "user, admin")
                .containsEntry("include.schema.changes", "true")
                .doesNotContainKeys("database.server.name", "database.history.kafka.topic", "database.history.kafka.bootstrap.servers");
        assertThat(resolution.connector().config().get("database.server.id")).isNotEqualTo("1");
        assertThat(resolution.rewrites()).contains(
                "database.server.name -> topic.prefix (Debezium 1.x key, renamed in 2.0; Connect runs Debezium 3.4.0.Final)",
                "database.hostname: originDB -> 127.0.0.1 (the stack's database)",
                "schema.history.internal.kafka.bootstrap.servers: kafka:9092 -> 127.0.0.1:49092 (the stack's Kafka broker)");
    }

    @Test
    void theServerIdStaysTheSameWhenAFixtureIsResolvedAgain() {
        String first = resolveSeed(DatabaseFlavor.MYSQL).connector().config().get("database.server.id");
        String second = resolveSeed(DatabaseFlavor.MYSQL).connector().config().get("database.server.id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void onMariaDbTheConnectorClassFollowsTheFlavour() {
        ConnectorConfigResolver.Resolution resolution = resolveSeed(DatabaseFlavor.MARIADB);
        assertThat(resolution.connector().config()).containsEntry("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(resolution.rewrites()).anyMatch(line -> line.startsWith("connector.class: io.debezium.connector.mysql.MySqlConnector -> "
                + "io.debezium.connector.mariadb.MariaDbConnector"));
    }

    @Test
    void aThreeXKeyWinsOverItsOneXSpelling() {
        ConnectorDefinition definition = ConnectorDefinition.parse("""
                {"name": "c", "config": {"database.server.name": "old", "topic.prefix": "new",
                 "database.history": "io.debezium.relational.history.KafkaDatabaseHistory"}}
                """, "inline");
        DatabaseEndpoint database = new DatabaseEndpoint(DatabaseFlavor.MYSQL, "h", 1, "h", 1, "u", "p", 1);
        ConnectorConfigResolver.Resolution resolution = new ConnectorConfigResolver(database, "k:1").resolve(definition);
        assertThat(resolution.connector().config())
                .containsEntry("topic.prefix", "new")
                .containsEntry("schema.history.internal", "io.debezium.storage.kafka.history.KafkaSchemaHistory");
        assertThat(resolution.rewrites()).contains("database.server.name dropped: topic.prefix is set too, and Debezium 3.4.0.Final reads that one");
    }

    @Test
    void onDebezium1TheKeysGoBackToTheir1xNames() {
        ConnectorDefinition definition = ConnectorDefinition.parse("""
                {"name": "c", "config": {"connector.class": "io.debezium.connector.mysql.MySqlConnector", "topic.prefix": "shop",
                 "schema.history.internal.kafka.topic": "h", "schema.history.internal.kafka.bootstrap.servers": "localhost:9092",
                 "snapshot.mode": "no_data", "topic.heartbeat.prefix": "hb"}}
                """, "inline");
        DatabaseEndpoint database = new DatabaseEndpoint(DatabaseFlavor.MARIADB, "h", 1, "h", 1, "u", "p", 1);
        ConnectorConfigResolver.Resolution resolution = new ConnectorConfigResolver(database, "k:1")
                .targeting("1.5.0.Final", java.util.Set.of("io.debezium.connector.mysql.MySqlConnector"))
                .resolve(definition, java.util.Map.of("schema.history.internal.store.only.captured.tables.ddl", "true"));
        assertThat(resolution.connector().config())
                .containsEntry("database.server.name", "shop")
                .containsEntry("database.history.kafka.topic", "h")
                .containsEntry("database.history.kafka.bootstrap.servers", "k:1")
                .containsEntry("database.history.store.only.captured.tables.ddl", "true")
                .containsEntry("heartbeat.topics.prefix", "hb")
                .containsEntry("snapshot.mode", "schema_only")
                .containsEntry("connector.class", "io.debezium.connector.mysql.MySqlConnector")
                .doesNotContainKeys("topic.prefix", "schema.history.internal.kafka.topic");
        assertThat(resolution.rewrites()).contains(
                "topic.prefix -> database.server.name (Debezium 2.x/3.x key; Connect runs Debezium 1.5.0.Final, which spells it database.server.name)",
                "snapshot.mode: no_data -> schema_only (Debezium 1.5.0.Final knows it by this name)");
    }

    @Test
    void onDebezium3OldSnapshotModesAndListKeysAreRenamed() {
        ConnectorDefinition definition = ConnectorDefinition.parse("""
                {"name": "c", "config": {"database.whitelist": "shop", "snapshot.mode": "schema_only"}}
                """, "inline");
        DatabaseEndpoint database = new DatabaseEndpoint(DatabaseFlavor.MYSQL, "h", 1, "h", 1, "u", "p", 1);
        ConnectorConfigResolver.Resolution resolution = new ConnectorConfigResolver(database, "k:1")
                .targeting("3.4.0.Final", java.util.Set.of()).resolve(definition);
        assertThat(resolution.connector().config()).containsEntry("database.include.list", "shop").containsEntry("snapshot.mode", "no_data");
        assertThat(resolution.connector().config()).doesNotContainKey("database.whitelist");
    }

    @Test
    void referencesToSystemPropertiesAreResolvedInFixturesAndOverridesAndRememberedAsSecrets() {
        System.setProperty("resolver-test.password", "Pw-from-a-property-7");
        try {
            DatabaseEndpoint database = new DatabaseEndpoint(DatabaseFlavor.MYSQL, "127.0.0.1", 43306, "127.0.0.1", 43306, "root", "root", 1);
            ConnectorDefinition definition = ConnectorDefinition.read(SEED).withConfig(java.util.Map.of(
                    "database.password", "${sys:resolver-test.password}", "connector.class", "io.debezium.connector.mysql.MySqlConnector",
                    "key.converter.basic.auth.user.info", "${file:/etc/secrets.properties:auth}"));
            ConnectorConfigResolver.Resolution resolution = new ConnectorConfigResolver(database, "127.0.0.1:49092")
                    .resolve(definition, java.util.Map.of("value.converter.basic.auth.user.info", "user:${sys:resolver-test.password}"));
            assertThat(resolution.connector().config())
                    .containsEntry("database.password", "Pw-from-a-property-7")
                    .containsEntry("value.converter.basic.auth.user.info", "user:Pw-from-a-property-7")
                    .containsEntry("key.converter.basic.auth.user.info", "${file:/etc/secrets.properties:auth}");
            assertThat(io.cdcharness.stack.Secrets.scrub("login Pw-from-a-property-7")).isEqualTo("login ********");
        } finally {
            System.clearProperty("resolver-test.password");
        }
    }

    @Test
    void aReferenceThatIsNotSetNamesTheKeyAndHowToSetIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> References.resolve("database.password", "${env:NO_SUCH_VARIABLE_HERE}", "fixtures/x.json"))
                .hasMessage("The connector config key database.password (in fixtures/x.json) refers to the environment variable "
                        + "NO_SUCH_VARIABLE_HERE with ${env:NO_SUCH_VARIABLE_HERE}, but it is not set. Set it (export NO_SUCH_VARIABLE_HERE=...), "
                        + "or write the value itself.");
    }
}
