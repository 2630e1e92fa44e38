package io.cdcharness.stack.embedded;

import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.StackBootException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MySQL or MariaDB server in a temporary data directory, configured with the binlog settings of a
 * {@code mysql.cnf} fixture. Its data directory is copied from a template initialised once per cache,
 * which turns a 3 s initialisation into a 0.1 s copy.
 */
final class EmbeddedDatabase {
    static final String USER = "root";
    static final String PASSWORD = "root";

    /** Users of the seed's docker-compose; run at every start, kept out of the binlog. */
    private static final String INIT_SQL = """
            SET sql_log_bin = 0;
            CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY 'root';
            ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED BY 'root';
            ALTER USER IF EXISTS 'root'@'127.0.0.1' IDENTIFIED BY 'root';
            ALTER USER IF EXISTS 'root'@'::1' IDENTIFIED BY 'root';
            GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
            CREATE USER IF NOT EXISTS 'mysqluser'@'%' IDENTIFIED BY 'mysqlpw';
            """;

    private final DatabaseFlavor flavor;
    private final ServiceProcess process;
    private final int port;
    private final long serverId;

    private EmbeddedDatabase(DatabaseFlavor flavor, ServiceProcess process, int port, long serverId) {
        this.flavor = flavor;
        this.process = process;
        this.port = port;
        this.serverId = serverId;
    }

    /** The distribution of the flavour at a server version ({@code cdc.mysql.version}, {@code cdc.mariadb.version}). */
    static DatabaseDistribution distribution(DatabaseFlavor flavor, String version) {
        return flavor == DatabaseFlavor.MYSQL ? new MysqlDistribution(version) : new MariadbDistribution(version);
    }

    static EmbeddedDatabase start(DatabaseDistribution distribution, DatabaseFlavor flavor, Path mysqlCnf, MavenArtifacts artifacts,
                                  SharedLibraries libraries, Path cacheDir, RunDirectory run, Services services, Duration timeout, int wantedPort) {
        Path home = run.service(distribution.service());
        Path log = home.resolve(distribution.service() + ".log");
        if (!Files.isRegularFile(mysqlCnf)) {
            throw new StackBootException(distribution.service(), "the binlog settings file " + mysqlCnf
                    + " does not exist. Copy the seed's mysql.cnf there or point cdc.mysql.cnf at yours.", null);
        }
        Path baseDir = distribution.install(artifacts, cacheDir);
        List<Path> libraryPath = libraries.provideFor(distribution.service(), distribution.serverBinary(baseDir), log);
        Map<String, String> environment = libraryPath.isEmpty() ? Map.of()
                : Map.of("LD_LIBRARY_PATH", SharedLibraries.libraryPath(libraryPath));

        Path template = template(distribution, baseDir, cacheDir, environment, log);
        Path dataDir = home.resolve("data");
        copyTree(template, dataDir);
        deleteIfExists(dataDir.resolve("auto.cnf")); // MySQL makes a fresh server UUID

        int port = PortPlan.claim(wantedPort, distribution.service(), "the database");
        Path cnf = writeConfig(home, mysqlCnf, distribution.defaultSettings(), dataDir, port);
        Path initFile = home.resolve("init.sql");
        writeString(initFile, INIT_SQL);

        List<String> command = new ArrayList<>();
        command.add(distribution.serverBinary(baseDir).toString());
        command.add("--defaults-file=" + cnf);
        command.addAll(distribution.serverOptions(baseDir));
        command.add("--init-file=" + initFile);
        ServiceProcess process = ServiceProcess.start(distribution.service(), command, environment, home, log, services);
        process.awaitReady("accepting connections on port " + port, timeout, () -> canConnect(port));
        if (flavor == DatabaseFlavor.MARIADB) {
            writeFirstGtid(port);
        }
        long serverId = queryServerId(port);
        return new EmbeddedDatabase(flavor, process, port, serverId);
    }

    DatabaseEndpoint endpoint() {
        return new DatabaseEndpoint(flavor, "127.0.0.1", port, "127.0.0.1", port, USER, PASSWORD, serverId);
    }

    ServiceProcess process() {
        return process;
    }


    private static Path template(DatabaseDistribution distribution, Path baseDir, Path cacheDir,
                                 Map<String, String> environment, Path log) {
        Path template = cacheDir.resolve(distribution.templateName());
        if (Files.exists(template.resolve(".complete"))) {
            return template;
        }
        Path staging = cacheDir.resolve(distribution.templateName() + ".staging-" + ProcessHandle.current().pid());
        RunDirectory.deleteTree(staging);
        try {
            Files.createDirectories(staging.getParent());
            ProcessBuilder builder = new ProcessBuilder(distribution.initializeCommand(baseDir, staging))
                    .directory(baseDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process init = builder.start();
            if (!init.waitFor(3, TimeUnit.MINUTES) || init.exitValue() != 0) {
                init.destroyForcibly();
                throw new StackBootException(distribution.service(), "initialising an empty data directory failed", log);
            }
            Files.writeString(staging.resolve(".complete"), distribution.displayName());
            try {
                Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                RunDirectory.deleteTree(staging); // another run made the template first
            }
            return template;
        } catch (IOException e) {
            throw new StackBootException(distribution.service(), "could not initialise a data directory: " + e.getMessage(), log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackBootException(distribution.service(), "interrupted while initialising", log, e);
        }
    }

    private static Path writeConfig(Path home, Path mysqlCnf, List<String> defaults, Path dataDir, int port) {
        try {
            String fixture = Files.readString(mysqlCnf);
            // After the fixture's settings, the harness adds only where and how to listen.
            // The distribution's defaults come first, so that a fixture's own setting wins.
            String config = "# added by cdc-harness: defaults the fixture may override\n[mysqld]\n"
                    + defaults.stream().map(setting -> "loose-" + setting + "\n").collect(java.util.stream.Collectors.joining()) + "\n"
                    + fixture + "\n\n# added by cdc-harness: where this embedded server lives\n[mysqld]\n"
                    + "datadir=" + dataDir + "\n"
                    + "port=" + port + "\n"
                    + "bind-address=127.0.0.1\n"
                    + "socket=" + home.resolve("mysqld.sock") + "\n"
                    + "pid-file=" + home.resolve("mysqld.pid") + "\n"
                    + "tmpdir=" + home + "\n";
            Path cnf = home.resolve("my.cnf");
            Files.writeString(cnf, config);
            return cnf;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the database configuration in " + home, e);
        }
    }

    private static boolean canConnect(int port) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(port), USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * A new MariaDB server has an empty GTID position, and the binlog client inside Debezium 3.4 fails
     * on that with "Cannot invoke GtidSet.toString() because this.gtidSet is null"
     * (osheroff/mysql-binlog-connector-java#174). One logged statement pair gives the server a GTID.
     */
    private static void writeFirstGtid(int port) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE cdc_harness_first_gtid");
            statement.execute("DROP DATABASE cdc_harness_first_gtid");
        } catch (SQLException e) {
            throw new StackBootException("mariadb", "could not write the first GTID: " + e.getMessage(), null, e);
        }
    }

    private static long queryServerId(int port) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port), USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT @@server_id")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new StackBootException("database", "connected but could not read @@server_id: " + e.getMessage(), null, e);
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/?allowPublicKeyRetrieval=true&useSSL=false&connectTimeout=2000";
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals(".complete")) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the data directory template " + from + " to " + to, e);
        }
    }

    private static void deleteIfExists(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the server tolerates a stale auto.cnf too
        }
    }

    private static void writeString(Path path, String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
