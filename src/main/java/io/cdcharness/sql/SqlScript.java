package io.cdcharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An SQL script cut into statements the way the {@code mysql} command-line client cuts it, so that
 * hand-written scripts and {@code mysqldump} output run as users have them.
 *
 * <ul>
 *   <li>Statements end at the delimiter ({@code ;} at first) outside quotes, backticks and comments.
 *       Text after the last delimiter is a statement too.</li>
 *   <li>{@code DELIMITER //} (any string: {@code $$}, {@code ;;}, ...) changes the delimiter, so that
 *       {@code CREATE FUNCTION ... BEGIN ...; ...; END //} is one statement; {@code DELIMITER ;} changes
 *       it back. As in the client, {@code DELIMITER} is recognised where a statement may start and at
 *       the start of a line, and it is never sent to the server.</li>
 *   <li>Executable comments (<code>/*!40101 ... *&#47;</code>, MariaDB's <code>/*M!100100 ... *&#47;</code>)
 *       and optimizer hints (<code>/*+ ... *&#47;</code>) stay in the statement: the server runs them,
 *       and dumps rely on that. Plain <code>/* ... *&#47;</code>, {@code --} and {@code #} comments
 *       are dropped.</li>
 *   <li>Every statement knows the line it starts on, for error messages.</li>
 * </ul>
 *
 * <pre>
 * SqlScript script = SqlScript.parse("""
 *     /*!40101 SET NAMES utf8mb4 *&#47;;
 *     DELIMITER //
 *     CREATE FUNCTION shop.net(gross DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC
 *     BEGIN RETURN gross / 1.2; END //
 *     DELIMITER ;
 *     INSERT INTO shop.t VALUES ('a;b'); -- done
 *     """, "fixtures/sql/shop.sql");
 * script.statements();
 * // [SqlStatement[text=/*!40101 SET NAMES utf8mb4 *&#47;, line=1],
 * //  SqlStatement[text=CREATE FUNCTION shop.net(...) ... END, line=3],
 * //  SqlStatement[text=INSERT INTO shop.t VALUES ('a;b'), line=6]]
 * </pre>
 *
 * Parsing is one pass over the text, linear in its length. A script the client would misread as
 * well (a quote or comment that is never closed, {@code DELIMITER} without a delimiter) is refused
 * with an {@link IllegalArgumentException} that names the line.
 */
public final class SqlScript {
    private final String source;
    private final List<SqlStatement> statements;

    private SqlScript(String source, List<SqlStatement> statements) {
        this.source = source;
        this.statements = List.copyOf(statements);
    }

    /** Parses a script that comes from no file (a Gherkin doc string, a Java string). */
    public static SqlScript parse(String script) {
        return parse(script, null);
    }

    /**
     * Parses a script.
     *
     * @param script the script's text
     * @param source where it comes from (a file path), named in error messages; null when it has none
     * @throws IllegalArgumentException when a quote or comment is never closed, or a {@code DELIMITER}
     *                                  command has no valid delimiter; the message names the line
     */
    public static SqlScript parse(String script, String source) {
        return new SqlScript(source, new Parser(script, source).run());
    }

    /** The statements in script order; empty when the script holds only whitespace and comments. */
    public List<SqlStatement> statements() {
        return statements;
    }

    /** The file the script comes from, if it comes from one. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Where a line is, for messages: {@code line 27 of fixtures/sql/shop.sql}, or {@code line 27}. */
    public String describeLine(int line) {
        return describeLine(line, source);
    }

    private static String describeLine(int line, String source) {
        return "line " + line + (source == null ? "" : " of " + source);
    }

    /** One pass over the script; appends ranges of it, never rebuilds strings. */
    private static final class Parser {
        private final String text;
        private final String source;
        private final int length;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private String delimiter = ";";
        private int line = 1;
        /** Line where the statement being read starts; 0 while it has no content yet. */
        private int startLine;
        /** Only whitespace so far on the current line. */
        private boolean lineBlank = true;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
            this.length = text.length();
        }

        List<SqlStatement> run() {
            int i = length > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0; // a byte order mark is no SQL
            while (i < length) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    lineBlank = true;
                    if (startLine != 0) {
                        current.append(c);
                    }
                    i++;
                } else if (Character.isWhitespace(c)) {
                    if (startLine != 0) {
                        current.append(c);
                    }
                    i++;
                } else if ((c == 'd' || c == 'D') && (startLine == 0 || lineBlank) && isDelimiterCommand(i)) {
                    i = delimiterCommand(i);
                } else if (text.startsWith(delimiter, i)) {
                    endStatement();
                    i += delimiter.length();
                    lineBlank = false;
                } else if (c == '#' || (c == '-' && i + 1 < length && text.charAt(i + 1) == '-'
                        && (i + 2 == length || Character.isWhitespace(text.charAt(i + 2))))) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? length : end; // the newline itself is read next
                    lineBlank = false;
                } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                    i = comment(i);
                } else if (c == '\'' || c == '"' || c == '`') {
                    i = quoted(i, c);
                } else {
                    content();
                    current.append(c);
                    i++;
                }
            }
            endStatement();
            return statements;
        }

        private void content() {
            if (startLine == 0) {
                startLine = line;
            }
            lineBlank = false;
        }

        private void endStatement() {
            if (startLine != 0) {
                int end = current.length();
                while (end > 0 && Character.isWhitespace(current.charAt(end - 1))) {
                    end--;
                }
                statements.add(new SqlStatement(current.substring(0, end), startLine));
            }
            current.setLength(0);
            startLine = 0;
        }

        private boolean isDelimiterCommand(int i) {
            int after = i + "delimiter".length();
            return text.regionMatches(true, i, "delimiter", 0, "delimiter".length())
                    && (after == length || Character.isWhitespace(text.charAt(after)));
        }

        /** {@code DELIMITER <string>}: ends a pending statement, sets the delimiter, ignores the rest of the line. */
        private int delimiterCommand(int i) {
            endStatement();
            int commandLine = line;
            int endOfLine = text.indexOf('\n', i);
            if (endOfLine < 0) {
                endOfLine = length;
            }
            int start = i + "delimiter".length();
            while (start < endOfLine && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            String value;
            if (start < endOfLine && (text.charAt(start) == '\'' || text.charAt(start) == '"' || text.charAt(start) == '`')) {
                int close = text.indexOf(text.charAt(start), start + 1);
                value = text.substring(start + 1, close < 0 || close > endOfLine ? endOfLine : close);
            } else {
                int end = start;
                while (end < endOfLine && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                value = text.substring(start, end);
            }
            value = value.strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where(commandLine) + ": DELIMITER is not followed by a delimiter. "
                        + "Write the new delimiter after it, e.g. DELIMITER // before a routine and DELIMITER ; after it.");
            }
            if (value.indexOf('\\') >= 0) {
                throw new IllegalArgumentException(where(commandLine) + ": DELIMITER " + value
                        + " contains a backslash, which the mysql client does not allow either. Use another delimiter, e.g. // or $$.");
            }
            delimiter = value;
            lineBlank = false;
            return endOfLine;
        }

        /** A comment starting at {@code /*}: executable comments are code and stay; hints stay whole; others go. */
        private int comment(int i) {
            boolean executable = i + 2 < length && (text.charAt(i + 2) == '!'
                    || (text.charAt(i + 2) == 'M' && i + 3 < length && text.charAt(i + 3) == '!'));
            if (executable) {
                // Its content is SQL: quotes, comments and delimiters in it are read as everywhere else.
                int open = text.charAt(i + 2) == '!' ? 3 : 4;
                content();
                current.append(text, i, i + open);
                return i + open;
            }
            int close = text.indexOf("*/", i + 2);
            if (close < 0) {
                throw new IllegalArgumentException(where(line) + ": the comment /* that starts here is never closed with */, "
                        + "so the rest of the script would be ignored. Close the comment.");
            }
            boolean hint = text.charAt(i + 2) == '+';
            if (hint) {
                content();
                current.append(text, i, close + 2);
            } else if (startLine != 0) {
                current.append(' ');
            }
            countLines(i, close);
            lineBlank = false;
            return close + 2;
        }

        /** A string or quoted identifier; a doubled quote or (outside backticks) a backslash escapes. */
        private int quoted(int start, char quote) {
            int i = start + 1;
            while (i < length) {
                char c = text.charAt(i);
                if (c == '\\' && quote != '`') {
                    i += 2;
                } else if (c == quote) {
                    if (i + 1 < length && text.charAt(i + 1) == quote) {
                        i += 2;
                    } else {
                        content();
                        current.append(text, start, i + 1);
                        countLines(start, i);
                        lineBlank = false;
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            String kind = quote == '`' ? "identifier" : "string";
            throw new IllegalArgumentException(where(line) + ": the " + kind + " that starts here with " + quote
                    + " is never closed, so the rest of the script would be part of it. Check the quotes on this line "
                    + "and above it: inside a " + kind + " write the quote twice (" + quote + quote + ")"
                    + (quote == '`' ? "." : " or escape it (\\" + quote + "), as in 'O''Brien'."));
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        private String where(int at) {
            String described = describeLine(at, source);
            return Character.toUpperCase(described.charAt(0)) + described.substring(1);
        }
    }
}
