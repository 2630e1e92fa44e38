package io.cdcharness.stack.external;

import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The external stack's settings are checked before anything is reached, every problem named at once. */
class ExternalEndpointsTest {

    @Test
    void missingSettingsAreNamedAllAtOnceWithAnExample() {
        assertThatThrownBy(() -> ExternalStack.connect(Settings.of(Map.of("cdc.stack", "external"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cdc.stack=external cannot reach your cluster with these settings:\n"
                        + "  - cdc.external.jdbc.url is not set (e.g. -Dcdc.external.jdbc.url=jdbc:mysql://127.0.0.1:3306/)\n"
                        + "  - cdc.external.kafka.bootstrap.servers is not set (e.g. -Dcdc.external.kafka.bootstrap.servers=127.0.0.1:9092)\n"
                        + "  - cdc.external.connect.url is not set (e.g. -Dcdc.external.connect.url=http://127.0.0.1:8083)\n"
                        + "  - cdc.external.jdbc.user is not set (e.g. -Dcdc.external.jdbc.user=root)\n")
                .hasMessageContaining("./cdc-harness doctor --set cdc.stack=external");
    }

    @Test
    void wrongValuesSayWhatTheyShouldLookLike() {
        assertThatThrownBy(() -> ExternalStack.connect(Settings.of(Map.of("cdc.stack", "external",
                "cdc.external.jdbc.url", "jdbc:postgresql://db:5432/x", "cdc.external.jdbc.user", "root",
                "cdc.external.kafka.bootstrap.servers", "kafka", "cdc.external.connect.url", "connect:8083",
                "cdc.external.database.for.connect", "originDB", "cdc.external.connect.auth", "admin-without-colon",
                "cdc.external.connect.storage.topics", "configs,offsets",
                "cdc.external.kafka.config", "/nowhere/client.properties"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cdc.external.jdbc.url=jdbc:postgresql://db:5432/x is not a MySQL or MariaDB JDBC URL; "
                        + "write it as jdbc:mysql://host:3306/ or jdbc:mariadb://host:3306/")
                .hasMessageContaining("cdc.external.kafka.bootstrap.servers has \"kafka\", which is not host:port")
                .hasMessageContaining("cdc.external.connect.url=connect:8083 is not an http(s) URL")
                .hasMessageContaining("cdc.external.database.for.connect=originDB is not host:port (e.g. originDB:3306)")
                .hasMessageContaining("cdc.external.connect.auth is not user:password (the value is not shown: it may be a secret)")
                .hasMessageContaining("cdc.external.connect.storage.topics=configs,offsets is not three topic names: config,offset,status")
                .hasMessageContaining("cdc.external.kafka.config=/nowhere/client.properties cannot be read")
                .hasMessageNotContaining("admin-without-colon");
    }
}
