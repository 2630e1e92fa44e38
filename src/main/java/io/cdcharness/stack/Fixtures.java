package io.cdcharness.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finding fixture files, and saying what a directory holds when one is missing. */
public final class Fixtures {
    private Fixtures() {
    }

    /** "Fixtures in DIR: a.json, b.json." or why there are none: for messages about a missing file. */
    public static String describeDirectory(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return "Its directory " + dir + " does not exist either: check cdc.fixtures.dir.";
        }
        try (Stream<Path> files = Files.list(dir)) {
            String names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
            return names.isEmpty() ? dir + " is empty." : "Fixtures in " + dir + ": " + names + ".";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The binlog settings a stack's database starts with: {@code cdc.mysql.cnf} under the fixtures dir;
     * when the project has none and did not name one, the seed's settings built into the harness
     * (server-id 1, ROW, FULL row image), copied into {@code workDir}.
     */
    public static Path binlogSettings(Settings settings, Path workDir, String service) {
        Path configured = settings.fixturesDir().resolve(settings.get(Settings.Key.MYSQL_CNF));
        if (Files.isRegularFile(configured)) {
            return configured;
        }
        if (settings.isSet(Settings.Key.MYSQL_CNF)) {
            throw new StackBootException(service, "its binlog settings file " + configured
                    + " does not exist. Copy the seed's mysql.cnf there, or point " + Settings.Key.MYSQL_CNF.property()
                    + " (relative to " + Settings.Key.FIXTURES_DIR.property() + "=" + settings.fixturesDir() + ") at yours.", null);
        }
        Path builtIn = workDir.resolve("default-mysql.cnf");
        try (InputStream in = Fixtures.class.getResourceAsStream("default-mysql.cnf")) {
            Files.copy(in, builtIn);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the built-in binlog settings to " + builtIn, e);
        }
        HarnessLog.info("no " + configured + " in this project: using the built-in binlog settings "
                + "(server-id 1, ROW, FULL row image); put your own there to change them");
        return builtIn;
    }
}
