package io.cdcharness.connect;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorDefinitionTest {

    @Test
    void aMissingFixtureNamesWhatExists() {
        assertThatThrownBy(() -> ConnectorDefinition.read(Path.of("fixtures/connectors/nope.json")))
                .hasMessageContaining("The connector fixture fixtures/connectors/nope.json does not exist.")
                .hasMessageContaining("Fixtures in fixtures/connectors: ")
                .hasMessageContaining("my-source-connector.json");
    }

    @Test
    void invalidJsonSaysWhatAFixtureLooksLike() {
        assertThatThrownBy(() -> ConnectorDefinition.parse("{\"name\": \"x\", ", "broken.json"))
                .hasMessageStartingWith("broken.json is not valid JSON: ")
                .hasMessageEndingWith("A connector fixture looks like {\"name\": \"my-connector\", \"config\": {\"connector.class\": ...}}.");
    }

    @Test
    void aNamelessFixtureIsRejected() {
        assertThatThrownBy(() -> ConnectorDefinition.parse("{\"config\": {\"tasks.max\": \"1\"}}", "nameless.json"))
                .hasMessage("nameless.json has no connector name. Add \"name\": \"my-connector\" next to \"config\".");
    }

    @Test
    void flatConfigsAreAcceptedToo() {
        ConnectorDefinition definition = ConnectorDefinition.parse("{\"name\": \"flat\", \"tasks.max\": 1}", "flat.json");
        assertThat(definition.name()).isEqualTo("flat");
        assertThat(definition.config()).containsExactlyEntriesOf(java.util.Map.of("tasks.max", "1"));
    }

    @Test
    void passwordsAreMaskedInValidationMessages() {
        assertThat(ConnectClient.mask("database.password", "root")).isEqualTo("********");
        assertThat(ConnectClient.mask("database.user", "root")).isEqualTo("root");
    }
}
