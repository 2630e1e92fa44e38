package io.cdcharness.stack.containers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the Docker engine should be ({@code DOCKER_HOST}, else the default socket), and a two-second look at it. */
record DockerEndpoint(String address) {
    private static final String DEFAULT = "unix:///var/run/docker.sock";

    static DockerEndpoint fromEnvironment() {
        String host = System.getenv("DOCKER_HOST");
        return new DockerEndpoint(host == null || host.isBlank() ? DEFAULT : host.trim());
    }

    /** Empty when something accepts connections there; otherwise what is wrong, in a few words. */
    Optional<String> whyUnreachable() {
        try {
            URI uri = URI.create(address);
            if ("unix".equals(uri.getScheme())) {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    return Optional.of("no socket at " + socket);
                }
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    return Optional.empty();
                }
            }
            if ("tcp".equals(uri.getScheme())) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                    return Optional.empty();
                }
            }
            return Optional.empty(); // npipe and others: leave it to Testcontainers
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(address + " does not answer: " + e.getMessage());
        }
    }
}
