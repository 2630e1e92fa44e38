package io.cdcharness.stack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version numbers of the parts the harness runs (Debezium {@code 3.4.0.Final}, Kafka {@code 4.1.1},
 * MariaDB {@code 11.4.5}), compared by their numbers, and the message for one that is not published.
 *
 * <pre>{@code
 * Versions.of("2.7.3.Final").atLeast(3, 0);   // false
 * Versions.notPublished("Debezium", "9.9.9.Final", published, "io.debezium:debezium-connector-mysql");
 * // "Debezium 9.9.9.Final is not published; published versions near it: 3.5.0.Final, 3.6.0.Final, 3.6.1.Final ..."
 * }</pre>
 */
public final class Versions {
    private static final Pattern NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(.*)$");

    private Versions() {
    }

    /** A parsed version: major, minor, patch and the rest ({@code .Final}, {@code -ccs}). */
    public record Version(String text, int major, int minor, int patch, String qualifier) implements Comparable<Version> {
        public boolean atLeast(int wantedMajor, int wantedMinor) {
            return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
        }

        public boolean before(int wantedMajor, int wantedMinor) {
            return !atLeast(wantedMajor, wantedMinor);
        }

        /** {@code 3.4} */
        public String minorLine() {
            return major + "." + minor;
        }

        /** True for a release (Final, or a plain number), false for Alpha, Beta, CR and snapshots. */
        public boolean isFinal() {
            String q = qualifier.toLowerCase(java.util.Locale.ROOT);
            return q.isEmpty() || q.equals(".final") || q.equals("-final");
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor).thenComparingInt(Version::patch)
                    .thenComparing(Version::qualifierRank).compare(this, other);
        }

        private int qualifierRank() {
            String q = qualifier.toLowerCase(java.util.Locale.ROOT);
            if (q.contains("alpha")) return 0;
            if (q.contains("beta")) return 1;
            if (q.contains("cr")) return 2;
            return 3;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static Version of(String text) {
        Matcher matcher = NUMBERS.matcher(text.trim());
        if (!matcher.matches()) {
            return new Version(text, 0, 0, 0, text);
        }
        return new Version(text.trim(), Integer.parseInt(matcher.group(1)),
                matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)), matcher.group(4));
    }

    /** Up to {@code count} published releases nearest to the wanted version, in order. */
    public static List<String> near(String wanted, List<String> published, int count) {
        Version target = of(wanted);
        List<Version> releases = published.stream().map(Versions::of).filter(Version::isFinal).sorted().toList();
        if (releases.isEmpty()) {
            releases = published.stream().map(Versions::of).sorted().toList();
        }
        int index = 0;
        while (index < releases.size() && releases.get(index).compareTo(target) < 0) {
            index++;
        }
        int from = Math.max(0, Math.min(index - count / 2, releases.size() - count));
        List<String> result = new ArrayList<>();
        for (int i = from; i < releases.size() && result.size() < count; i++) {
            result.add(releases.get(i).text());
        }
        return result;
    }

    /** The latest release of each minor line, oldest first: {@code 2.7.4.Final, 3.0.8.Final, ...}. */
    public static List<String> latestPerMinor(List<String> published) {
        java.util.Map<String, Version> latest = new java.util.LinkedHashMap<>();
        published.stream().map(Versions::of).filter(Version::isFinal).sorted()
                .forEach(version -> latest.put(version.minorLine(), version));
        return latest.values().stream().map(Version::text).toList();
    }

    /** "Debezium 9.9.9.Final is not published; published versions near it: ..." with where that was read. */
    public static String notPublished(String product, String wanted, List<String> published, String coordinates, String repository) {
        if (published.isEmpty()) {
            return product + " " + wanted + " is not published: " + repository + " lists no version of " + coordinates + ".";
        }
        return product + " " + wanted + " is not published; published versions near it: " + String.join(", ", near(wanted, published, 6))
                + " (read from the metadata of " + coordinates + " at " + repository + ").";
    }
}
