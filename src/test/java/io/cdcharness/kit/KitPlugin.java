package io.cdcharness.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs {@link BreakRecords} as a Kafka Connect plugin directory (a jar with its
 * {@code META-INF/services} manifest), for the stack's {@code cdc.connect.plugin.path}.
 */
public final class KitPlugin {
    private KitPlugin() {
    }

    /** Writes {@code <root>/broken-pipelines/broken-pipelines.jar} and returns {@code root}, the directory to put on the plugin path. */
    public static Path build(Path root) {
        try {
            Path classes = Path.of(BreakRecords.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path packageDir = classes.resolve(BreakRecords.class.getPackageName().replace('.', '/'));
            Path jar = root.resolve("broken-pipelines").resolve("broken-pipelines.jar");
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.list(packageDir)) {
                List<Path> transformClasses = files.filter(file -> file.getFileName().toString().startsWith("BreakRecords")).toList();
                for (Path file : transformClasses) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("META-INF/services/org.apache.kafka.connect.transforms.Transformation"));
                writeLine(out, BreakRecords.class.getName());
                out.closeEntry();
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not pack the kit of broken pipelines into " + root, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
