package io.cdcharness.stack.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.cdcharness.stack.StackFaults;
import io.cdcharness.stack.UnsupportedFaultException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Faults of the containers stack, as Docker allows them: a container killed ({@code docker kill}),
 * stopped and started again. Its host ports are fixed at creation, so it comes back where it was, with
 * the data in its file system. The network between the Connect worker and the database cannot be cut,
 * slowed or reset here without privileges or a helper image (no registry): those faults say so.
 */
final class ContainersFaults implements StackFaults {
    private final String stack;
    private final Function<Service, GenericContainer<?>> containers;
    private final Map<Service, Callable<Boolean>> ready;
    private final Map<Service, Path> logs;
    private final Duration timeout;
    private final Set<Service> downOnPurpose = EnumSet.noneOf(Service.class);

    ContainersFaults(String stack, Function<Service, GenericContainer<?>> containers, Map<Service, Callable<Boolean>> ready,
                     Map<Service, Path> logs, Duration timeout) {
        this.stack = stack;
        this.containers = containers;
        this.ready = ready;
        this.logs = logs;
        this.timeout = timeout;
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    @Override
    public synchronized void kill(Service service) {
        String id = running(service, "kill");
        downOnPurpose.add(service);
        docker().killContainerCmd(id).withSignal("KILL").exec();
        awaitStopped(service, id);
    }

    @Override
    public synchronized void stop(Service service) {
        String id = running(service, "stop");
        downOnPurpose.add(service);
        docker().stopContainerCmd(id).withTimeout(30).exec();
        awaitStopped(service, id);
    }

    @Override
    public synchronized void start(Service service) {
        GenericContainer<?> container = containers.apply(service);
        if (isRunning(service)) {
            throw new IllegalStateException("The " + service.word() + " container is already running; kill or stop it before starting it again.");
        }
        int since = (int) (System.currentTimeMillis() / 1000);
        docker().startContainerCmd(container.getContainerId()).exec();
        downOnPurpose.remove(service);
        followLog(container.getContainerId(), logs.get(service), since);
        try {
            Awaitility.await(service.word() + " to be ready again").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(ready.get(service));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("The " + service.word() + " container started again but was not ready within "
                    + timeout.toSeconds() + " s; its log is " + logs.get(service), e);
        }
    }

    @Override
    public boolean isRunning(Service service) {
        InspectContainerResponse.ContainerState state = docker().inspectContainerCmd(containers.apply(service).getContainerId()).exec().getState();
        return Boolean.TRUE.equals(state.getRunning());
    }

    /** The follower Testcontainers started ends with the container: follow the new run's output into the same log. */
    private static void followLog(String id, Path log, int since) {
        if (log == null) {
            return;
        }
        docker().logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).withSince(since)
                .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Frame frame) {
                        try {
                            Files.write(log, frame.getPayload(), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                        } catch (IOException ignored) {
                            // the log directory is gone: the stack is closing
                        }
                    }
                });
    }

    private String running(Service service, String fault) {
        GenericContainer<?> container = containers.apply(service);
        if (!isRunning(service)) {
            throw new IllegalStateException("Cannot " + fault + " the " + service.word() + ": its container is down already. Start it again first.");
        }
        return container.getContainerId();
    }

    private void awaitStopped(Service service, String id) {
        Awaitility.await(service.word() + " container to stop").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !Boolean.TRUE.equals(docker().inspectContainerCmd(id).exec().getState().getRunning()));
    }

    @Override
    public void cutDatabaseLink() {
        throw new UnsupportedFaultException(stack, "cut the network between Connect and the database (that needs the embedded stack's proxy)");
    }

    @Override
    public void restoreDatabaseLink() {
        throw new UnsupportedFaultException(stack, "restore the network between Connect and the database (it cannot cut it)");
    }

    @Override
    public void databaseLinkLatency(Duration latency) {
        throw new UnsupportedFaultException(stack, "add latency between Connect and the database (that needs the embedded stack's proxy)");
    }

    @Override
    public void resetDatabaseLink() {
        throw new UnsupportedFaultException(stack, "reset the connections between Connect and the database (that needs the embedded stack's proxy)");
    }

    @Override
    public synchronized List<String> unexpectedDeaths() {
        List<String> deaths = new ArrayList<>();
        for (Service service : Service.values()) {
            GenericContainer<?> container = containers.apply(service);
            if (container == null || container.getContainerId() == null || downOnPurpose.contains(service)) {
                continue;
            }
            InspectContainerResponse.ContainerState state;
            try {
                state = docker().inspectContainerCmd(container.getContainerId()).exec().getState();
            } catch (RuntimeException gone) {
                deaths.add(service.word() + " container " + container.getContainerId() + " is gone: " + gone.getMessage());
                continue;
            }
            if (!Boolean.TRUE.equals(state.getRunning())) {
                deaths.add(service.word() + " (container " + container.getContainerId().substring(0, 12) + ") exited with code "
                        + state.getExitCodeLong() + " although no fault step asked for it. The end of its log (" + logs.get(service) + "):\n    "
                        + tail(logs.get(service)).replace("\n", "\n    "));
            }
        }
        return deaths;
    }

    private static String tail(Path log) {
        if (log == null) {
            return "(no log)";
        }
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(the log " + log + " could not be read: " + e.getMessage() + ")";
        }
    }
}
