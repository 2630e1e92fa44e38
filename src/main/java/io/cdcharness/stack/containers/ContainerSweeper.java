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
    private ContainerSweeper() {
    }

    static void removeAbandoned(String ownerLabel) {
        try {
            DockerClient client = DockerClientFactory.instance().client();
            List<Container> containers = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(ownerLabel)).exec();
            for (Container container : containers) {
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
