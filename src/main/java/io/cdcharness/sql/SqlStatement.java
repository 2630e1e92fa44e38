package io.cdcharness.sql;

import java.util.Objects;

/**
 * One statement of an SQL script: the text sent to the server and the line of the script it starts on.
 *
 * <pre>{@code
 * SqlScript.parse("CREATE DATABASE shop;\n\nINSERT INTO shop.t VALUES (1);").statements().get(1)
 *     // SqlStatement[text=INSERT INTO shop.t VALUES (1), line=3]
 * }</pre>
 *
 * @param text the statement as the server receives it: no delimiter, plain comments removed,
 *             executable comments ({@code /*!...}) and optimizer hints ({@code /*+...}) kept
 * @param line the 1-based line of the script where the statement's first character is
 */
public record SqlStatement(String text, int line) {
    public SqlStatement {
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }
}
