package io.cdcharness.cli;

import io.cdcharness.CdcHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** doctor's checks against a real server that is set up wrongly, and run against the shared stack. */
class CommandLineIT {
    private final CdcHarness cdc = CdcHarness.shared();
    private final Doctor doctor = new Doctor();

    @BeforeEach
    void cleanSlate() {
        cdc.reset();
    }

    private String jdbcUrl() {
        return cdc.stack().database().jdbcUrl();
    }

    private static Doctor.Check check(List<Doctor.Check> checks, String startOfWhat) {
        return checks.stream().filter(check -> check.what().startsWith(startOfWhat)).findFirst()
                .orElseThrow(() -> new AssertionError("no check starting with \"" + startOfWhat + "\" in " + checks));
    }

    @Test
    void aHealthyStackPassesEveryCheck() {
        List<Doctor.Check> checks = doctor.database(jdbcUrl(), "root", "root");
        checks.addAll(doctor.connect(cdc.stack().connectUrl()));
        assertThat(checks).allSatisfy(check -> assertThat(check.status()).as(check.line()).isEqualTo(Doctor.Status.OK));
        assertThat(check(checks, "Debezium connector plugin present").what()).contains(cdc.stack().database().flavor().connectorClass());
    }

    @Test
    void statementBasedBinlogFailsWithTheFix() {
        cdc.database().execute("SET GLOBAL binlog_format = 'STATEMENT'");
        try {
            Doctor.Check binlog = check(doctor.database(jdbcUrl(), "root", "root"), "binlog_format");
            assertThat(binlog.status()).isEqualTo(Doctor.Status.FAIL);
            assertThat(binlog.line()).isEqualTo("  FAIL binlog_format is STATEMENT: Debezium needs ROW to see the changed rows\n"
                    + "         -> SET GLOBAL binlog_format = 'ROW' now, and binlog_format = ROW in my.cnf for good");
        } finally {
            cdc.database().execute("SET GLOBAL binlog_format = 'ROW'");
        }
    }

    @Test
    void aUserWithoutReplicationPrivilegesFailsWithTheGrant() {
        cdc.database().execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-pw'; GRANT SELECT ON *.* TO 'reader'@'%'");
        try {
            Doctor.Check privileges = check(doctor.database(jdbcUrl(), "reader", "reader-pw"), "user reader");
            assertThat(privileges.status()).isEqualTo(Doctor.Status.FAIL);
            assertThat(privileges.what()).isEqualTo("user reader lacks REPLICATION SLAVE, REPLICATION CLIENT on *.*, "
                    + "which Debezium needs to read the binlog");
            assertThat(privileges.fix()).isEqualTo("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'reader'@'%'");
        } finally {
            cdc.database().execute("DROP USER 'reader'@'%'");
        }
    }

    @Test
    void anUnreachableConnectWorkerFails() {
        Doctor.Check connect = doctor.connect("http://127.0.0.1:9").get(0);
        assertThat(connect.status()).isEqualTo(Doctor.Status.FAIL);
        assertThat(connect.what()).startsWith("Kafka Connect REST does not answer at http://127.0.0.1:9");
    }

    @Test
    void doctorExitsWithOneWhenACheckFails() {
        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(out))
                .execute("doctor", "--jdbc-url", jdbcUrl(), "--user", "root", "--password", "wrong");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void runExecutesFeaturesAndWritesReports(@TempDir Path reports) {
        int exit = Main.commandLine().execute("run", "features/seed/seed_pipeline.feature:10", "--reports", reports.toString());
        assertThat(exit).isZero();
        assertThat(reports.resolve("cucumber.html")).exists();
        assertThat(reports.resolve("cucumber.json")).exists();
        assertThat(reports.resolve("cucumber-junit.xml")).exists();
    }

    @Test
    void withoutDockerTheContainersStackSaysSoInOneLineAndSuggestsEmbedded() throws Exception {
        ProcessBuilder up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "up", "--stack", "containers")
                .redirectErrorStream(true);
        up.environment().put("DOCKER_HOST", "unix:///tmp/cdc-harness-no-docker-here.sock"); // nothing listens there
        up.environment().put("TESTCONTAINERS_CHECKS_DISABLE", "true");
        Process process = up.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isEqualTo(2);
        assertThat(output).contains("cdc-harness: The docker service of the CDC stack could not start: Docker is not reachable")
                .contains("or run without Docker: -Dcdc.stack=embedded.");
    }

    @Test
    void runNamesAMissingFeature() {
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("run", "features/nope");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cdc-harness: no feature file or directory ").contains("features/nope");
    }
}
