package io.cdcharness.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the seed's host names ({@code originDB}, {@code kafka}, {@code mySourceConnector}) resolve to
 * 127.0.0.1 inside the Connect worker's JVM only, so that the article's connector JSON, POSTed verbatim
 * with curl, reaches the stack: {@code -Djdk.net.hosts.file} (JDK 9 and later). The machine's
 * {@code /etc/hosts} is left alone.
 *
 * <p>That file replaces name resolution in the JVM entirely (no fallback to DNS), so it also lists
 * {@code localhost} and this machine's own names; matching is case-sensitive, so each name is listed
 * as written and in lower case. Other host names do not resolve in that worker: it is used only with
 * the seed's ports, where the walkthrough needs it.
 */
final class SeedHostNames {
    static final List<String> NAMES = List.of("originDB", "kafka", "mySourceConnector", "zookeeper");

    private SeedHostNames() {
    }

    /** Writes the hosts file into {@code home} and returns the JVM option that uses it. */
    static String jvmOption(Path home) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost"));
        for (String name : NAMES) {
            names.add(name);
            names.add(name.toLowerCase(java.util.Locale.ROOT));
        }
        String hostName = machineHostName();
        StringBuilder text = new StringBuilder("# written by cdc-harness: the seed's host names, for the Connect worker only\n");
        text.append("127.0.0.1 ").append(String.join(" ", names)).append('\n');
        if (hostName != null && !names.contains(hostName)) {
            text.append("127.0.0.1 ").append(hostName).append('\n');
        }
        text.append("::1 localhost ip6-localhost\n");
        Path file = home.resolve("hosts");
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return "-Djdk.net.hosts.file=" + file;
    }

    private static String machineHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
        }
    }
}
