package io.cdcharness.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Apicurio's Avro converter ({@code io.apicurio:apicurio-registry-utils-converter}, the 2.6 line: the
 * 3.x converter jars are not on Maven Central) as a Connect plugin directory. Its jars declare no
 * {@code META-INF/services} manifest, which Connect's fast {@code plugin.discovery=service_load} needs,
 * so the harness adds one small jar that declares {@code io.apicurio.registry.utils.converter.AvroConverter}.
 */
final class ApicurioConverterPlugin {
    static final String VERSION = "2.6.13.Final";
    static final String CONVERTER = "io.apicurio.registry.utils.converter.AvroConverter";

    private ApicurioConverterPlugin() {
    }

    static Path install(MavenArtifacts artifacts, Path cacheDir) {
        Path root = cacheDir.resolve("connect-plugins").resolve("apicurio-converter-" + VERSION);
        Path directory = artifacts.pluginDirectory("apicurio-converter", "io.apicurio:apicurio-registry-utils-converter:" + VERSION,
                root, "apicurio-registry-converter");
        Path manifest = directory.resolve("cdc-harness-converter-manifest.jar");
        if (!Files.isRegularFile(manifest)) {
            Path staging = directory.resolve("manifest.jar.tmp-" + ProcessHandle.current().pid());
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(staging))) {
                jar.putNextEntry(new JarEntry("META-INF/services/org.apache.kafka.connect.storage.Converter"));
                jar.write((CONVERTER + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
                jar.close();
                Files.move(staging, manifest, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the converter's plugin manifest " + manifest, e);
            }
        }
        return directory;
    }
}
