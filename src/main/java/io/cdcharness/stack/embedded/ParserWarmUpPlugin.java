package io.cdcharness.stack.embedded;

import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.embedded.worker.DebeziumParserWarmUp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Packs {@link DebeziumParserWarmUp} as a Connect plugin (one class and its {@code META-INF/services} manifest) and
 * gives the worker keys that load it: the worker then warms Debezium's DDL parser up while it boots.
 *
 * <pre>{@code
 * if (ParserWarmUpPlugin.writeInto(run.root().resolve("connect-plugins"))) {
 *     Map<String, String> workerKeys = ParserWarmUpPlugin.workerConfig(debezium); // config.providers=...
 * }
 * }</pre>
 */
final class ParserWarmUpPlugin {
    static final String DIRECTORY = "cdc-harness-parser-warm-up";
    private static final String PROVIDER = "cdcHarnessWarmUp";

    private ParserWarmUpPlugin() {
    }

    /**
     * Writes {@code <root>/cdc-harness-parser-warm-up/cdc-harness-parser-warm-up.jar}; true when it did. A failure only
     * costs the first connector's speed: it is logged, and the worker then starts without the plugin.
     */
    static boolean writeInto(Path root) {
        String classFile = DebeziumParserWarmUp.class.getName().replace('.', '/') + ".class";
        Path jar = root.resolve(DIRECTORY).resolve(DIRECTORY + ".jar");
        try (InputStream bytes = DebeziumParserWarmUp.class.getClassLoader().getResourceAsStream(classFile)) {
            if (bytes == null) {
                throw new IOException(classFile + " is not on the harness's class path");
            }
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry(classFile));
                bytes.transferTo(out);
                out.closeEntry();
                out.putNextEntry(new JarEntry("META-INF/services/org.apache.kafka.common.config.provider.ConfigProvider"));
                out.write((DebeziumParserWarmUp.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return true;
        } catch (IOException e) {
            HarnessLog.warn("could not write the Connect plugin that warms Debezium's parser up into " + jar + " (" + e.getMessage()
                    + "); the worker starts without it, and its first connector starts a little slower");
            return false;
        }
    }

    /** The worker keys that load the plugin, for the Debezium connector installed. */
    static Map<String, String> workerConfig(DebeziumPlugins.Selection debezium) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("config.providers", PROVIDER);
        config.put("config.providers." + PROVIDER + ".class", DebeziumParserWarmUp.class.getName());
        config.put("config.providers." + PROVIDER + ".param.connector", debezium.connectorClass());
        config.put("config.providers." + PROVIDER + ".param.parser", debezium.parserClass());
        return config;
    }
}
