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
 */
public final class StreamingProbe implements AutoCloseable {
    private final String jmxUrl;
    private JMXConnector connector;

    public StreamingProbe(String jmxUrl) {
        this.jmxUrl = jmxUrl;
    }

    /** True when the connector with this topic prefix is connected to the binlog. */
    public boolean isStreaming(String metricsDomain, String topicPrefix) {
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

    private MBeanServerConnection connection() throws IOException {
        if (connector == null) {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl));
        }
        return connector.getMBeanServerConnection();
    }

    @Override
    public void close() {
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
