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
    void runExecutesFeaturesAndWritesReports(@TempDir Path reports) throws Exception {
        int exit = Main.commandLine().execute("run", "features/seed/seed_pipeline.feature:18", "--reports", reports.toString());
        assertThat(exit).isZero();
        assertThat(reports.resolve("cucumber.html")).exists();
        assertThat(reports.resolve("cucumber.json")).exists();
        assertThat(reports.resolve("cucumber-junit.xml")).exists();
        assertThat(reports.resolve("cucumber-timeline/index.html")).exists();
        assertThat(reports.resolve("index.html")).as("the CDC report").exists();
        assertThat(java.nio.file.Files.readString(reports.resolve("index.html"))).as("a scenario ran and is in the CDC report")
                .contains("<tr class=\"scenario passed\"");
        assertThat(System.getProperty("cdc.reports.dir")).as("run leaves the JVM's properties as they were").isNull();
    }

    @Test
    void upAndDoctorNeverShowAPassword() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        UpCommand up = new UpCommand();
        up.connector = "connectors/my-source-connector.json";
        up.print(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8), cdc);
        String upText = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(upText).contains("user root / password ******** (the seed's; masked like every secret)")
                .contains("\"database.password\":\"********\"")
                .doesNotContain("\"database.password\":\"root\"")
                .containsPattern("--data @/\\S+/cdc-harness-my-source-connector-\\d+\\.json");
        java.util.regex.Matcher body = java.util.regex.Pattern.compile("--data @(\\S+\\.json)").matcher(upText);
        assertThat(body.find()).isTrue();
        Path file = Path.of(body.group(1));
        assertThat(java.nio.file.Files.readString(file)).as("the file curl posts has the real password").contains("\"database.password\":\"root\"");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream doctorOut = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(doctorOut, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Main.commandLine().execute("doctor", "--jdbc-url", jdbcUrl() + "&password=Url-pw-4711x", "--user", "root",
                    "--password", "Doctor-pw-4711x");
        } finally {
            System.setOut(original);
        }
        String doctorText = doctorOut.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(doctorText).contains("cannot connect to jdbc:mysql://").contains("&password=********")
                .doesNotContain("Url-pw-4711x").doesNotContain("Doctor-pw-4711x");
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
