package io.cdcharness.sql;

import java.sql.SQLException;

/** A statement of a scenario's SQL failed. The message shows the statement and the server's own words. */
public class SqlStatementException extends RuntimeException {
    public SqlStatementException(String where, String statement, int index, int count, SQLException cause) {
        this(where, statement, null, index, count, cause);
    }

    /**
     * @param line where the statement is in its script, e.g. {@code line 27 of fixtures/sql/shop.sql}
     *             ({@link SqlScript#describeLine}); null when that is not known
     */
    public SqlStatementException(String where, String statement, String line, int index, int count, SQLException cause) {
        super(io.cdcharness.stack.Secrets.scrub("SQL statement " + index + " of " + count + (line == null ? "" : " (" + line + ")") + " failed on " + where + ":\n"
                + indent(statement) + "\n"
                + "The server said: [" + cause.getErrorCode() + "] " + cause.getMessage()
                + " (SQLState " + cause.getSQLState() + ")\n"
                + "Statements before it in the same step have run; fix this one and run the scenario again."), cause);
    }

    private static String indent(String statement) {
        return "    " + statement.replace("\n", "\n    ");
    }
}
