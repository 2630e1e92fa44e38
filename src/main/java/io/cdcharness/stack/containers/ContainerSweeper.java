package io.cdcharness.stack.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import org.testcontainers.DockerClientFactory;

import java.util.List;

/**
 * Removes containers that an earlier run labelled with its PID and left behind when it was killed
 * (with Ryuk disabled, nothing else would).
 */
final class ContainerSweeper {
    static final String HOST_LABEL = "io.cdcharness.owner-host";

    private ContainerSweeper() {
    }

    /** This machine's name plus its PID namespace, so that owner PIDs are only compared where they mean something. */
    static String hostName() {
        String namespace;
        try {
            namespace = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            namespace = "?";
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "/" + namespace;
        } catch (java.net.UnknownHostException e) {
            return "unknown/" + namespace;
        }
    }

    static void removeAbandoned(String ownerLabel) {
        try {
            DockerClient client = DockerClientFactory.instance().client();
            List<Container> containers = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(ownerLabel)).exec();
            String host = hostName();
            for (Container container : containers) {
                if (!host.equals(container.getLabels().get(HOST_LABEL))) {
                    continue; // another machine (or PID namespace) shares this Docker engine: its PIDs mean nothing here
                }
                String owner = container.getLabels().get(ownerLabel);
                boolean ownerAlive = owner != null && ProcessHandle.of(Long.parseLong(owner)).map(ProcessHandle::isAlive).orElse(false);
                if (!ownerAlive) {
                    client.removeContainerCmd(container.getId()).withForce(true).exec();
                }
            }
        } catch (RuntimeException ignored) {
            // best effort
        }
    }
}
