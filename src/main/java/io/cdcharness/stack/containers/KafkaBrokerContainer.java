package io.cdcharness.stack.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' {@link KafkaContainer} without its start race.
 *
 * <p>The container's command waits until {@code /tmp/testcontainers_start.sh} exists and then runs it,
 * while Testcontainers copies that script in. On a busy host the file can appear before Docker has closed
 * it, and running it fails with {@code Text file busy}: the broker never starts (seen in our CI; reported
 * upstream as testcontainers-java#11682). Here the command waits for a second, empty file that is copied
 * only after the script's copy has returned, so the script is complete and closed when it runs.
 */
final class KafkaBrokerContainer extends KafkaContainer {
    private static final String STARTER_SCRIPT = "/tmp/testcontainers_start.sh";
    private static final String STARTER_SCRIPT_WRITTEN = "/tmp/cdc-harness-start-script.written";

    KafkaBrokerContainer(DockerImageName image) {
        super(image);
        withCommand("sh", "-c",
                "while [ ! -f " + STARTER_SCRIPT_WRITTEN + " ]; do sleep 0.1; done; exec " + STARTER_SCRIPT);
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse containerInfo) {
        super.containerIsStarting(containerInfo);
        copyFileToContainer(Transferable.of(""), STARTER_SCRIPT_WRITTEN);
    }
}
