package io.cdcharness.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at semicolons that are outside quotes, backticks and comments,
 * the way the {@code mysql} shell does for scripts without {@code DELIMITER}.
 *
 * <pre>{@code
 * SqlScript.split("INSERT INTO t VALUES ('a;b'); -- done\nSELECT 1;") // ["INSERT INTO t VALUES ('a;b')", "SELECT 1"]
 * }</pre>
 */
public final class SqlScript {
    private SqlScript() {
    }

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int length = script.length();
        while (i < length) {
            char c = script.charAt(i);
            char next = i + 1 < length ? script.charAt(i + 1) : '\0';
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(script, i, c);
                current.append(script, i, end);
                i = end;
            } else if ((c == '-' && next == '-' && (i + 2 >= length || Character.isWhitespace(script.charAt(i + 2)))) || c == '#') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
                current.append('\n');
            } else if (c == '/' && next == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
                current.append(' ');
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static int endOfQuoted(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2; // doubled quote inside the literal
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().trim();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
