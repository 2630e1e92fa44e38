package io.cdcharness.sql;

import io.cdcharness.CdcHarness;
import io.cdcharness.stack.DatabaseEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a large script costs: the time to split it and the wall time to run it, for 100,000 rows.
 * Prints figures; opt-in because it takes several minutes:
 *
 * <pre>
 * mvn -B verify -DskipUnitTests -Dit.test=LargeSqlScriptIT -Dit.large-script=true [-Dcdc.database=mariadb]
 * </pre>
 *
 * Besides the harness's own way (one statement per round trip) it measures two alternatives, to show
 * where the time goes: the same statements sent as multi-statement packets of 1,000
 * ({@code allowMultiQueries=true}, the most JDBC batching of plain statements could save, but a failure
 * then no longer says which statement failed), and the same statements inside one transaction (one
 * commit, one log flush, instead of 100,000).
 */
@EnabledIfSystemProperty(named = "it.large-script", matches = "true")
class LargeSqlScriptIT {
    private static final int ROWS = 100_000;

    @Test
    void aHundredThousandRowScript() throws SQLException {
        CdcHarness cdc = CdcHarness.shared();
        cdc.reset();
        String singles = script(ROWS, 1);
        SqlScript parsed = split("100,000 single-row INSERTs", singles);
        run(cdc, "100,000 single-row INSERTs, one per round trip (as the harness runs them)",
                () -> cdc.database().execute(null, parsed));
        run(cdc, "the same as multi-statement packets of 1,000", () -> multiStatementPackets(cdc.stack().database(), parsed, 1_000));
        run(cdc, "the same inside BEGIN ... COMMIT", () -> cdc.database().execute("BEGIN;\n" + singles + "COMMIT;"));
        String multiRow = script(ROWS / 100, 100);
        SqlScript parsedMultiRow = split("1,000 INSERTs of 100 rows", multiRow);
        run(cdc, "1,000 INSERTs of 100 rows", () -> cdc.database().execute(null, parsedMultiRow));
    }

    private static SqlScript split(String what, String text) {
        List<Long> nanos = new ArrayList<>();
        SqlScript script = null;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            script = SqlScript.parse(text, "generated.sql");
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "RESULT split %s: %,d statements, %.1f MB, median of 5 %d ms (min %d ms)%n",
                what, script.statements().size(), text.length() / 1e6, nanos.get(2) / 1_000_000, nanos.get(0) / 1_000_000);
        return script;
    }

    private interface Run {
        void run() throws SQLException;
    }

    private static void run(CdcHarness cdc, String what, Run run) throws SQLException {
        cdc.database().execute("DROP DATABASE IF EXISTS big; CREATE DATABASE big; "
                + "CREATE TABLE big.t (id INT PRIMARY KEY, note VARCHAR(100)) DEFAULT CHARSET=utf8mb4");
        long start = System.nanoTime();
        run.run();
        long nanos = System.nanoTime() - start;
        assertThat(cdc.database().query("SELECT COUNT(*) AS n FROM big.t").get(0).get("n")).isEqualTo((long) ROWS);
        System.out.printf(Locale.ROOT, "RESULT run %s on %s: %.1f s%n", what, cdc.settings().database().displayName(), nanos / 1e9);
    }

    private static void multiStatementPackets(DatabaseEndpoint endpoint, SqlScript script, int size) throws SQLException {
        String url = endpoint.jdbcUrl().replace("allowMultiQueries=false", "allowMultiQueries=true");
        try (Connection connection = DriverManager.getConnection(url, endpoint.user(), endpoint.password());
             Statement statement = connection.createStatement()) {
            List<SqlStatement> statements = script.statements();
            for (int from = 0; from < statements.size(); from += size) {
                StringBuilder packet = new StringBuilder();
                for (SqlStatement sql : statements.subList(from, Math.min(from + size, statements.size()))) {
                    packet.append(sql.text()).append(";\n");
                }
                statement.execute(packet.toString());
                while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                    // drain every statement's result
                }
            }
        }
    }

    private static String script(int statements, int rowsEach) {
        StringBuilder text = new StringBuilder();
        int id = 0;
        for (int s = 0; s < statements; s++) {
            text.append("INSERT INTO big.t VALUES ");
            for (int r = 0; r < rowsEach; r++, id++) {
                text.append(r == 0 ? "" : ",").append('(').append(id).append(", 'row ").append(id).append(": it''s; \"fine\" 🚀')");
            }
            text.append(";\n");
        }
        return text.toString();
    }
}
