package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackFaults;
import io.cdcharness.stack.TcpProxy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Faults of the embedded stack: its processes are the harness's own children, so it can kill them,
 * stop them and start them again with the same command (same ports, same data directory, same internal
 * topics), and the connector reaches the database through the harness's {@link TcpProxy}.
 */
final class EmbeddedFaults implements StackFaults {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Function<Service, ServiceProcess> processes;
    private final TcpProxy proxy;
    private final Services services;
    private final Duration bootTimeout;

    EmbeddedFaults(Function<Service, ServiceProcess> processes, TcpProxy proxy, Services services, Duration bootTimeout) {
        this.processes = processes;
        this.proxy = proxy;
        this.services = services;
        this.bootTimeout = bootTimeout;
    }

    @Override
    public void kill(Service service) {
        running(service, "kill").kill();
    }

    @Override
    public void stop(Service service) {
        running(service, "stop").stop(GRACE);
    }

    @Override
    public void start(Service service) {
        ServiceProcess process = processes.apply(service);
        if (process.isAlive()) {
            throw new IllegalStateException("The " + service.word() + " is already running (pid " + process.pid()
                    + "); kill or stop it before starting it again.");
        }
        process.relaunch(bootTimeout);
    }

    @Override
    public boolean isRunning(Service service) {
        return processes.apply(service).isAlive();
    }

    private ServiceProcess running(Service service, String fault) {
        ServiceProcess process = processes.apply(service);
        if (!process.isAlive()) {
            throw new IllegalStateException("Cannot " + fault + " the " + service.word() + ": it is down already (pid " + process.pid()
                    + " exited with code " + process.exitCode() + "). Start it again first.");
        }
        return process;
    }

    @Override
    public void cutDatabaseLink() {
        proxy().cut();
    }

    @Override
    public void restoreDatabaseLink() {
        proxy().restore();
    }

    @Override
    public void databaseLinkLatency(Duration latency) {
        proxy().latency(latency);
    }

    @Override
    public void resetDatabaseLink() {
        proxy().resetConnections();
    }

    private TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("The connector reaches the database directly (cdc.database.proxy=false), so the harness cannot "
                    + "cut, slow or reset that link. Leave cdc.database.proxy at its default (true) for network faults.");
        }
        return proxy;
    }

    @Override
    public List<String> unexpectedDeaths() {
        return services.unexpectedDeaths();
    }
}
