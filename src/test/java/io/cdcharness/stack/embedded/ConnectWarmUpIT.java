package io.cdcharness.stack.embedded;

import io.cdcharness.connect.ConnectClient;
import io.cdcharness.stack.Settings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new Connect worker warms Debezium's DDL parser up inside its own JVM as it boots (cdc.connect.warm.up), and that
 * leaves nothing behind: no connector, no topic, no database. With the setting off the worker has no such plugin.
 */
class ConnectWarmUpIT {

    @Test
    void theWorkerParsesEveryWarmUpStatementAndCreatesNothing() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(Settings.load())) {
            Path log = stack.logs().get("connect");
            Pattern warmedUp = Pattern.compile("cdc-harness: warmed up Debezium's DDL parser"
                    + " \\(io\\.debezium\\.connector\\.[a-z]+\\.antlr\\.[A-Za-z]+AntlrDdlParser, 9 of 9 statements\\) in \\d+ ms");
            await("the worker's log to say that it warmed Debezium's parser up").atMost(30, TimeUnit.SECONDS)
                    .untilAsserted(() -> assertThat(Files.readAllLines(log).stream().filter(line -> line.contains("DebeziumParserWarmUp")))
                            .as("the parser warm-up's lines in %s: one warm-up per worker", log)
                            .filteredOn(line -> warmedUp.matcher(line).find()).hasSize(1));

            // Parsing touches neither Kafka nor the database; the validation must not create anything either.
            assertThat(new ConnectClient(stack.connectUrl()).connectors()).as("connectors on the worker").isEmpty();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .as("topics other than the worker's storage topics")
                        .filteredOn(topic -> !stack.connectStorageTopics().all().contains(topic))
                        .isEmpty();
            }
            assertThat(databases(stack)).as("databases").doesNotContain("cdc_harness_parser_warm_up");
        }
    }

    @Test
    void aWorkerWithTheWarmUpOffHasNeitherThePluginNorTheValidation() throws Exception {
        Settings settings = Settings.load().with(Settings.Key.CONNECT_WARM_UP.property(), "false");
        try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
            Path connectHome = stack.logs().get("connect").getParent();
            assertThat(connectHome.resolveSibling("connect-plugins").resolve(ParserWarmUpPlugin.DIRECTORY)).doesNotExist();
            assertThat(Files.readString(connectHome.resolve("worker.properties"))).doesNotContain("config.providers");
            assertThat(Files.readString(stack.logs().get("connect")))
                    .doesNotContain("DebeziumParserWarmUp", "Validating connector", "/config/validate");
        }
    }

    private static List<String> databases(EmbeddedStack stack) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(stack.database().jdbcUrl(), stack.database().user(), stack.database().password());
             ResultSet rows = connection.createStatement().executeQuery("SHOW DATABASES")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
