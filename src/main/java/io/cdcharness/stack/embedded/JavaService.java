package io.cdcharness.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** Builds the command line and config files of a Kafka-family service that runs in a child JVM. */
final class JavaService {
    private JavaService() {
    }

    static List<String> command(Path javaCommand, List<Path> classpath, Path log4jConfig, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand.toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** A log4j2 configuration that writes INFO and above to standard output (our log file). */
    static Path writeLog4j(Path home) {
        String config = """
                status = warn
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1}: %m%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                logger.reflections.name = org.reflections
                logger.reflections.level = ERROR
                """;
        return write(home.resolve("log4j2.properties"), config);
    }

    static Path writeProperties(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        values.forEach(properties::setProperty);
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "written by cdc-harness");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
