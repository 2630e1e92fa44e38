package io.cdcharness.cli;

import io.cdcharness.sql.SqlScript;
import io.cdcharness.sql.SqlStatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A small stand-in for the {@code mysql} client, for machines without one (the MySQL server jar the
 * harness uses ships {@code mysqld} only): the same options the article types, statements from
 * {@code -e} or standard input (cut as the mysql client does: {@code DELIMITER}, comments), results as
 * mysql prints them.
 *
 * <pre>
 * ./cdc-harness sql -uroot -proot -e "SHOW VARIABLES LIKE 'log_bin'"
 * ./cdc-harness sql -h 127.0.0.1 -P 3306 -uroot -proot user &lt; script.sql
 * </pre>
 */
@Command(name = "sql", description = "Run SQL like the mysql client: -h HOST -P PORT -u USER -pPASSWORD [-e SQL] [DATABASE]; "
        + "without -e, statements come from standard input.")
final class SqlCommand implements Callable<Integer> {
    @Option(names = "--help", usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = {"-h", "--host"}, defaultValue = "127.0.0.1", description = "server host (default 127.0.0.1)")
    String host;

    @Option(names = {"-P", "--port"}, defaultValue = "3306", description = "server port (default 3306)")
    int port;

    @Option(names = {"-u", "--user"}, defaultValue = "root", description = "user (default root)")
    String user;

    @Option(names = {"-p", "--password"}, arity = "0..1", defaultValue = "", description = "password, attached as in mysql: -proot")
    String password;

    @Option(names = {"-e", "--execute"}, description = "statements to run instead of reading standard input")
    String execute;

    @Parameters(arity = "0..1", paramLabel = "DATABASE", description = "default database")
    String database;

    @Override
    public Integer call() throws Exception {
        String text = execute != null ? execute : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        String url = "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database)
                + "?allowPublicKeyRetrieval=true&useSSL=false&allowMultiQueries=false";
        PrintStream out = System.out;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (SqlStatement sql : SqlScript.parse(text, execute != null ? "-e" : "stdin").statements()) {
                long started = System.nanoTime();
                try {
                    if (statement.execute(sql.text())) {
                        try (ResultSet rows = statement.getResultSet()) {
                            int count = print(rows, out);
                            out.printf(Locale.ROOT, "%s in set (%.2f sec)%n%n", count == 0 ? "Empty set" : count + (count == 1 ? " row" : " rows"),
                                    (System.nanoTime() - started) / 1e9);
                        }
                    } else {
                        int affected = statement.getUpdateCount();
                        out.printf(Locale.ROOT, "Query OK, %d %s affected (%.2f sec)%n%n", Math.max(affected, 0),
                                affected == 1 ? "row" : "rows", (System.nanoTime() - started) / 1e9);
                    }
                } catch (SQLException e) {
                    System.err.println("ERROR " + e.getErrorCode() + " (" + e.getSQLState() + ") at line " + sql.line() + ": " + e.getMessage());
                    return 1;
                }
            }
        } catch (SQLException e) {
            System.err.println("ERROR " + e.getErrorCode() + " (" + e.getSQLState() + "): could not connect to " + host + ":" + port
                    + " as " + user + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Prints rows as the mysql client does, in a box. */
    static int print(ResultSet rows, PrintStream out) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        List<String[]> values = new ArrayList<>();
        int[] widths = new int[columns];
        String[] header = new String[columns];
        for (int i = 0; i < columns; i++) {
            header[i] = meta.getColumnLabel(i + 1);
            widths[i] = header[i].length();
        }
        while (rows.next()) {
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                String value = rows.getString(i + 1);
                row[i] = value == null ? "NULL" : value;
                widths[i] = Math.max(widths[i], row[i].length());
            }
            values.add(row);
        }
        if (values.isEmpty()) {
            return 0;
        }
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        out.println(line);
        out.println(row(header, widths));
        out.println(line);
        values.forEach(row -> out.println(row(row, widths)));
        out.println(line);
        return values.size();
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder text = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            text.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
        }
        return text.toString();
    }
}
