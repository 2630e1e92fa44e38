package io.cdcharness.stack.embedded;

import io.cdcharness.stack.Settings;
import io.cdcharness.stack.StackBootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A stack that cannot boot says which service, why, and shows that service's log. */
class BootFailureIT {

    @Test
    void aDatabaseThatRejectsItsConfigIsReportedWithItsLog(@TempDir Path fixtures) throws Exception {
        Files.createDirectories(fixtures.resolve("mysql"));
        Files.writeString(fixtures.resolve("mysql/mysql.cnf"), "[mysqld]\nserver-id = 1\nlog_bin = mysql-bin\nbinlog_format = ROWS\n");
        Settings settings = Settings.load().with("cdc.fixtures.dir", fixtures.toString());
        String flavor = settings.database().name().toLowerCase();

        Throwable failure = catchThrowable(() -> EmbeddedStack.start(settings));
        assertThat(failure)
                .isInstanceOf(StackBootException.class)
                .hasMessageStartingWith("The " + flavor + " service of the CDC stack could not start: the process exited with code")
                .hasMessageContaining("Last lines of ")
                .hasMessageContaining("binlog_format")
                .hasMessageContaining("ROWS");
        Matcher runDir = Pattern.compile("Last lines of (/\\S+/cdc-harness-run-[^/]+)/").matcher(failure.getMessage());
        assertThat(runDir.find()).as("the message names the log in the run directory").isTrue();
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(runDir.group(1))).orElse(false)))
                .as("processes of the failed boot in %s", runDir.group(1))
                .isEmpty();
        assertThat(Path.of(runDir.group(1))).doesNotExist();
    }

    @Test
    void aMissingBinlogConfigSaysWhereItWasLookedFor(@TempDir Path fixtures) {
        Settings settings = Settings.of(Map.of("cdc.fixtures.dir", fixtures.toString(), "cdc.mysql.cnf", "mysql/mysql.cnf"));
        assertThatThrownBy(() -> EmbeddedStack.start(settings))
                .hasMessageContaining("its binlog settings file " + fixtures.resolve("mysql/mysql.cnf") + " does not exist")
                .hasMessageContaining("point cdc.mysql.cnf");
    }
}
