package io.cdcharness.cli;

import io.cdcharness.stack.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Prints one line per pre-flight check, with what to do about each failure; exit code 1 when one fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Pre-flight checks: Java, Maven, OS libraries, ports, Docker; for an existing stack the binlog settings, "
                + "the connector user's privileges and the Connect worker's Debezium plugin.")
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions = new StackOptions();

    @Option(names = "--ports", paramLabel = "free|seed", defaultValue = "free", description = "seed: also check that 3306, 9092 and 8083 are free")
    String ports;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "check this database, e.g. jdbc:mysql://localhost:3306/?allowPublicKeyRetrieval=true&useSSL=false")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "root", description = "database user the connector uses (default root)")
    String user;

    @Option(names = "--password", defaultValue = "root", description = "that user's password (default root)")
    String password;

    @Option(names = "--connect-url", paramLabel = "URL", description = "check this Kafka Connect worker, e.g. http://localhost:8083")
    String connectUrl;

    @Override
    public Integer call() {
        Settings settings = stackOptions.apply(Settings.load());
        io.cdcharness.stack.Secrets.remember(password); // never echoed, not even in a server's error message
        Doctor doctor = new Doctor();
        List<Doctor.Check> checks = new ArrayList<>(doctor.environment(settings, "seed".equals(ports)));
        if (jdbcUrl != null) {
            checks.addAll(doctor.database(jdbcUrl, user, password));
        }
        if (connectUrl != null) {
            checks.addAll(doctor.connect(connectUrl));
        }
        System.out.println("cdc-harness doctor (cdc.stack=" + settings.stack().name().toLowerCase() + ", cdc.database="
                + settings.database().name().toLowerCase() + ")");
        checks.forEach(check -> System.out.println(io.cdcharness.stack.Secrets.scrub(check.line())));
        long failed = checks.stream().filter(check -> check.status() == Doctor.Status.FAIL).count();
        System.out.println(failed == 0 ? "All checks passed." : failed + (failed == 1 ? " check failed." : " checks failed."));
        return failed == 0 ? 0 : 1;
    }
}
