package io.cdcharness.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @AfterEach
    void forget() {
        Secrets.forgetAll();
    }

    @Test
    void secretKeysAreTheOnesTheIssueNames() {
        assertThat(Secrets.isSecretKey("database.password")).isTrue();
        assertThat(Secrets.isSecretKey("schema.history.internal.producer.sasl.jaas.config")).isTrue();
        assertThat(Secrets.isSecretKey("value.converter.basic.auth.user.info")).isTrue();
        assertThat(Secrets.isSecretKey("my.client.secret")).isTrue();
        assertThat(Secrets.isSecretKey("api.TOKEN.value")).isTrue();
        assertThat(Secrets.isSecretKey("database.user")).isFalse();
        assertThat(Secrets.isSecretKey("topic.prefix")).isFalse();
    }

    @Test
    void aConfigIsMaskedInOrder() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("database.user", "root");
        config.put("database.password", "root");
        config.put("tasks.max", "1");
        assertThat(Secrets.maskConfig(config)).containsExactly(Map.entry("database.user", "root"),
                Map.entry("database.password", Secrets.MASK), Map.entry("tasks.max", "1"));
    }

    @Test
    void rememberedLongValuesAreMaskedAnywhere() {
        Secrets.rememberConfig(Map.of("database.password", "Zq7-long-secret", "database.user", "not-a-secret-user"));
        assertThat(Secrets.scrub("Access denied for Zq7-long-secret, user not-a-secret-user"))
                .isEqualTo("Access denied for ********, user not-a-secret-user");
        assertThat(Secrets.scrub("{\"v\":\"Zq7-long-secret\"}")).isEqualTo("{\"v\":\"********\"}");
    }

    @Test
    void aSecretWithQuotesIsMaskedInJsonToo() {
        Secrets.remember("pa\"ss<word>");
        assertThat(Secrets.scrub("{\"x\":\"pa\\\"ss\\u003cword\\u003e\"}")).isEqualTo("{\"x\":\"********\"}");
    }

    @Test
    void shortValuesAreMaskedAfterSecretKeysOnlySoThatTheUserRootStays() {
        Secrets.remember("root");
        assertThat(Secrets.scrub("user root, password=root, /root/.m2")).isEqualTo("user root, password=********, /root/.m2");
        assertThat(Secrets.scrub("{\"database.user\":\"root\",\"database.password\":\"root\"}"))
                .isEqualTo("{\"database.user\":\"root\",\"database.password\":\"********\"}");
        assertThat(Secrets.scrub("database.password = root")).isEqualTo("database.password = ********");
        assertThat(Secrets.scrub("sasl.jaas.config = null")).isEqualTo("sasl.jaas.config = null");
        assertThat(Secrets.scrub("database.password = [hidden]")).isEqualTo("database.password = [hidden]");
    }

    @Test
    void sqlPasswordsAndUrlUserInfoAreMasked() {
        assertThat(Secrets.scrub("CREATE USER 'cdc'@'%' IDENTIFIED BY 'pw'; SELECT 1"))
                .isEqualTo("CREATE USER 'cdc'@'%' IDENTIFIED BY '********'; SELECT 1");
        assertThat(Secrets.scrub("ALTER USER x IDENTIFIED WITH caching_sha2_password BY 'it''s'"))
                .isEqualTo("ALTER USER x IDENTIFIED WITH caching_sha2_password BY '********'");
        assertThat(Secrets.scrub("jdbc:mysql://cdc:pw@localhost:3306/?useSSL=false&password=pw2"))
                .isEqualTo("jdbc:mysql://cdc:********@localhost:3306/?useSSL=false&password=********");
    }

    @Test
    void proseAndFileNamesWithSecretWordsAreLeftAlone() {
        assertThat(Secrets.scrub("(file:///x/secrets_in_failures.feature:8)")).isEqualTo("(file:///x/secrets_in_failures.feature:8)");
        assertThat(Secrets.scrub("Access denied for user 'u'@'h' (using password: YES)")).isEqualTo("Access denied for user 'u'@'h' (using password: YES)");
        assertThat(Secrets.scrub("the token: abc")).isEqualTo("the token: abc");
        assertThat(Secrets.scrub("my.api.token = abc123, next")).isEqualTo("my.api.token = ********, next");
        assertThat(Secrets.scrub("\"custom.client.secret\" : \"abc\"")).isEqualTo("\"custom.client.secret\" : \"********\"");
    }

    @Test
    void plainTextIsLeftAlone() {
        String text = "Expected topic \"shop.shop.customers\" to receive an event with op=c, after.id=1 (offset 0, binlog mysql-bin.000003:1605)";
        assertThat(Secrets.scrub(text)).isEqualTo(text);
        assertThat(Secrets.containsSecret(text)).isFalse();
    }
}
