package io.cdcharness.stack.embedded;

import io.cdcharness.stack.Settings;
import io.cdcharness.stack.StackBootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stack that cannot boot says which service, why, and shows that service's log. */
class BootFailureIT {

    @Test
    void aDatabaseThatRejectsItsConfigIsReportedWithItsLog(@TempDir Path fixtures) throws Exception {
        Files.createDirectories(fixtures.resolve("mysql"));
        Files.writeString(fixtures.resolve("mysql/mysql.cnf"), "[mysqld]\nserver-id = 1\nlog_bin = mysql-bin\nbinlog_format = ROWS\n");
        Settings settings = Settings.load().with("cdc.fixtures.dir", fixtures.toString());
        String flavor = settings.database().name().toLowerCase();

        assertThatThrownBy(() -> EmbeddedStack.start(settings))
                .isInstanceOf(StackBootException.class)
                .hasMessageStartingWith("The " + flavor + " service of the CDC stack could not start: the process exited with code")
                .hasMessageContaining("Last lines of ")
                .hasMessageContaining("binlog_format")
                .hasMessageContaining("ROWS");
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(fixtures.toString()) || line.contains("cdc-harness-run-"
                        + ProcessHandle.current().pid())).orElse(false)))
                .as("processes of the failed boot")
                .isEmpty();
    }

    @Test
    void aMissingBinlogConfigSaysWhereItWasLookedFor(@TempDir Path fixtures) {
        Settings settings = Settings.of(Map.of("cdc.fixtures.dir", fixtures.toString()));
        assertThatThrownBy(() -> EmbeddedStack.start(settings))
                .hasMessageContaining("its binlog settings file " + fixtures.resolve("mysql/mysql.cnf") + " does not exist")
                .hasMessageContaining("point cdc.mysql.cnf");
    }
}
