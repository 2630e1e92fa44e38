package io.cdcharness.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service of the stack could not start. The message names the service, the reason and the
 * tail of the service's log, so that the failure can be understood without opening files.
 */
public class StackBootException extends RuntimeException {
    private static final int TAIL_LINES = 25;

    private final String service;

    public StackBootException(String service, String reason, Path log, Throwable cause) {
        super(message(service, reason, log), cause);
        this.service = service;
    }

    public StackBootException(String service, String reason, Path log) {
        this(service, reason, log, null);
    }

    public String service() {
        return service;
    }

    private static String message(String service, String reason, Path log) {
        StringBuilder text = new StringBuilder();
        text.append("The ").append(service).append(" service of the CDC stack could not start: ").append(reason);
        if (log != null) {
            text.append("\n\nLast lines of ").append(log).append(':');
            for (String line : tail(log, TAIL_LINES)) {
                text.append("\n  | ").append(line);
            }
        }
        return text.toString();
    }

    /** The last {@code count} lines of a log file, or a note why there are none. */
    public static List<String> tail(Path log, int count) {
        try {
            if (!Files.exists(log)) {
                return List.of("(the log does not exist yet)");
            }
            List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return lines.isEmpty() ? List.of("(the log is empty)") : lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(could not read the log: " + e.getMessage() + ")");
        }
    }
}
