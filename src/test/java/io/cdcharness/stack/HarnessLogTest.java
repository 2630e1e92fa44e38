package io.cdcharness.stack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HarnessLogTest {

    @Test
    void onTheConsoleLinesArePrefixedAndSecretsMasked() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            HarnessLog.toConsole();
            Secrets.remember("Log-secret-42x");
            HarnessLog.info("connector x: database.password=root, token Log-secret-42x");
            HarnessLog.warn("environment variable CDC_TIMOUT is not a cdc-harness setting");
        } finally {
            System.setOut(original);
            Secrets.forgetAll();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[cdc-harness] connector x: database.password=********, token ********\n"
                + "[cdc-harness] WARNING: environment variable CDC_TIMOUT is not a cdc-harness setting\n");
    }
}
