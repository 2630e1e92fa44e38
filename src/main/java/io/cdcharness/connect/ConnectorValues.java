package io.cdcharness.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the values the harness rewrites (hosts, ports, bootstrap addresses) before it rewrites them:
 * a fixture whose {@code database.port} is {@code "abc"} would fail in any real deployment, so the
 * harness refuses it instead of quietly putting the stack's port in its place.
 */
final class ConnectorValues {
    /** A host name (RFC 1123 labels, underscores tolerated as Docker aliases have them), an IPv4 or a bracketed IPv6 address. */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*"
            + "|\\[[0-9A-Fa-f:.]+\\]");
    /** A value from a Connect config provider, e.g. {@code ${file:/secrets.properties:host}}: resolved by the worker, not here. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}");

    private ConnectorValues() {
    }

    /**
     * @param sourceOf where a key's value came from, for the message (a fixture path, or a step's changes)
     * @throws IllegalArgumentException naming every bad value, its key and its source
     */
    static void check(Map<String, String> config, Function<String, String> sourceOf) {
        List<String> problems = new ArrayList<>();
        String host = config.get("database.hostname");
        if (host != null && !PLACEHOLDER.matcher(host.trim()).matches() && !HOST.matcher(host.trim()).matches()) {
            problems.add("database.hostname = \"" + host + "\" (in " + sourceOf.apply("database.hostname")
                    + ") is not a host name or IP address; write one such as \"originDB\" or \"127.0.0.1\"");
        }
        String port = config.get("database.port");
        if (port != null && !PLACEHOLDER.matcher(port.trim()).matches() && !isPort(port.trim())) {
            problems.add("database.port = \"" + port + "\" (in " + sourceOf.apply("database.port")
                    + ") is not a port number from 1 to 65535; write one such as \"3306\"");
        }
        config.forEach((key, value) -> {
            if (key.endsWith("bootstrap.servers") && !PLACEHOLDER.matcher(value.trim()).matches()) {
                for (String address : value.split(",")) {
                    if (!isAddress(address.trim())) {
                        problems.add(key + " = \"" + value + "\" (in " + sourceOf.apply(key) + ") has \"" + address.trim()
                                + "\", which is not host:port; write addresses such as \"kafka:9092\", separated by commas");
                        break;
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The connector config has " + (problems.size() == 1 ? "a value" : problems.size() + " values")
                    + " that cannot work anywhere:\n  - " + String.join("\n  - ", problems)
                    + "\nThe harness points these keys at the stack, but checks them first so that a fixture that would fail in "
                    + "production fails here too. Fix the value and run again.");
        }
    }

    private static boolean isPort(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }

    private static boolean isAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        String host = address.substring(0, colon);
        host = host.contains("://") ? host.substring(host.indexOf("://") + 3) : host; // SASL_SSL://host:9093 style listeners
        return HOST.matcher(host).matches() && isPort(address.substring(colon + 1));
    }
}
