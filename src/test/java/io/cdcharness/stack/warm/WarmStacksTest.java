package io.cdcharness.stack.warm;

import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding, matching and sweeping warm stack records, without servers. */
class WarmStacksTest {

    @Test
    void withoutARecordTheRunSaysHowToGetAWarmStack(@TempDir Path cache) {
        WarmStacks.Attempt attempt = WarmStacks.attach(Settings.of(Map.of("cdc.cache.dir", cache.toString())));
        assertThat(attempt.stack()).isEmpty();
        assertThat(attempt.why()).isEqualTo("no warm stack runs on this machine (./cdc-harness up starts one that later runs attach to)");
    }

    @Test
    void aRecordWhoseOwnerIsGoneIsSwept(@TempDir Path cache) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path warm = Files.createDirectories(cache.resolve("warm"));
        Path record = warm.resolve(gone.pid() + ".json");
        Files.writeString(record, "{\"ownerPid\": " + gone.pid() + ", \"settings\": {}}");
        Files.writeString(warm.resolve(gone.pid() + ".lock"), "");
        WarmStacks.Attempt attempt = WarmStacks.attach(Settings.of(Map.of("cdc.cache.dir", cache.toString())));
        assertThat(attempt.stack()).isEmpty();
        assertThat(record).doesNotExist();
        assertThat(warm.resolve(gone.pid() + ".lock")).doesNotExist();
    }

    @Test
    void anUnreadableRecordIsSweptToo(@TempDir Path cache) throws Exception {
        Path record = Files.createDirectories(cache.resolve("warm")).resolve("12345.json");
        Files.writeString(record, "{ not json");
        WarmStacks.attach(Settings.of(Map.of("cdc.cache.dir", cache.toString())));
        assertThat(record).doesNotExist();
    }

    @Test
    void aDifferenceNamesTheFirstSettingThatDiffers() {
        Map<String, String> running = StackIdentity.of(Settings.of(Map.of()));
        Map<String, String> wanted = StackIdentity.of(Settings.of(Map.of("cdc.database", "mariadb")));
        assertThat(StackIdentity.difference(running, wanted)).contains("it runs cdc.database=mysql, this run asks for mariadb");
        assertThat(StackIdentity.difference(running, running)).isEmpty();
    }

    @Test
    void settingsThatOnlyChangeHowARunChecksDoNotStopItFromAttaching() {
        Map<String, String> running = StackIdentity.of(Settings.of(Map.of()));
        Map<String, String> wanted = StackIdentity.of(Settings.of(Map.of("cdc.timeout", "5s", "cdc.reports.dir", "elsewhere",
                "cdc.connector.defaults", "poll.interval.ms=5", "cdc.evidence", "all")));
        assertThat(StackIdentity.difference(running, wanted)).isEmpty();
    }

    @Test
    void theBinlogSettingsFileCountsByContent(@TempDir Path fixtures) throws Exception {
        Files.createDirectories(fixtures.resolve("mysql"));
        Files.writeString(fixtures.resolve("mysql/mysql.cnf"), "[mysqld]\nbinlog_format=ROW\n");
        Map<String, String> before = StackIdentity.of(Settings.of(Map.of("cdc.fixtures.dir", fixtures.toString())));
        Files.writeString(fixtures.resolve("mysql/mysql.cnf"), "[mysqld]\nbinlog_format=ROW\nbinlog_row_image=MINIMAL\n");
        Map<String, String> after = StackIdentity.of(Settings.of(Map.of("cdc.fixtures.dir", fixtures.toString())));
        assertThat(StackIdentity.difference(before, after)).hasValueSatisfying(why -> assertThat(why).startsWith("it runs "
                + StackIdentity.MYSQL_CNF_CONTENT + "="));
    }
}
