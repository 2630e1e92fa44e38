package io.cdcharness.stack;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human durations used in settings and steps: {@code 250ms}, {@code 30s}, {@code 2m}, {@code PT30S}. */
public final class Durations {
    private static final Pattern HUMAN = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String what, String text) {
        String trimmed = text.trim();
        Matcher matcher = HUMAN.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (trimmed.startsWith("PT") || trimmed.startsWith("pt")) {
            try {
                return Duration.parse(trimmed.toUpperCase());
            } catch (RuntimeException ignored) {
                // fall through to the explained error below
            }
        }
        throw new IllegalArgumentException(what + "=" + text + " is not a duration. Write it as a number with a unit: 500ms, 30s, 2m or 1h.");
    }

    /** Formats a duration the way progress lines show it: {@code 2.7 s} or {@code 180 ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
