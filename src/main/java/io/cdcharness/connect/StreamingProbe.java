package io.cdcharness.connect;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.util.Set;

/**
 * Reads Debezium's streaming metrics over JMX from the Connect worker: the attribute {@code Connected}
 * of {@code debezium.<flavour>:type=connector-metrics,context=streaming,server=<topic.prefix>} turns
 * true once the connector reads the binlog, which is later than the task's RUNNING state.
 * <p>
 * It keeps one JMX connection (a cold one costs 0.1-0.2 s) and opens it again after a failed call, so a
 * worker that was restarted on the same port is read again. Safe for use by several threads.
 *
 * <pre>{@code
 * try (StreamingProbe probe = new StreamingProbe("service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi")) {
 *     boolean streaming = probe.isStreaming("debezium.mysql", "shop");
 * }
 * }</pre>
 */
public final class StreamingProbe implements AutoCloseable {
    private final String jmxUrl;
    private JMXConnector connector;

    public StreamingProbe(String jmxUrl) {
        this.jmxUrl = jmxUrl;
    }

    /** True when the connector with this topic prefix is connected to the binlog. */
    public synchronized boolean isStreaming(String metricsDomain, String topicPrefix) {
        try {
            MBeanServerConnection server = connection();
            ObjectName pattern = new ObjectName(metricsDomain + ":type=connector-metrics,context=streaming,server="
                    + topicPrefix + ",*");
            Set<ObjectName> names = server.queryNames(pattern, null);
            for (ObjectName name : names) {
                if (Boolean.TRUE.equals(server.getAttribute(name, "Connected"))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            close();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Opens the connection ahead of the first {@link #isStreaming} call; a worker not reachable yet is tried again then. */
    public synchronized void connect() {
        try {
            connection();
        } catch (IOException e) {
            close();
        }
    }

    private MBeanServerConnection connection() throws IOException {
        if (connector == null) {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl));
        }
        return connector.getMBeanServerConnection();
    }

    @Override
    public synchronized void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException ignored) {
                // the worker is gone
            }
            connector = null;
        }
    }
}
