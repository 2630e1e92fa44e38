package io.cdcharness.shard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} shards of a suite, counted from 1: {@code 2/4} is the second of four.
 *
 * <pre>{@code
 * Shard shard = Shard.parse("2/4", "--shard");   // Shard[index=2, count=4]
 * Shard.parse("0/3", "--shard");                 // IllegalArgumentException: ... shards are counted from 1 to 3 ...
 * }</pre>
 *
 * @param index which shard, 1 to {@code count}
 * @param count how many shards the suite is split into
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");
    private static final String EXPECTED = "Write it as i/n, the i-th of n shards counted from 1, e.g. 2/4 (1 <= i <= n).";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist. " + EXPECTED);
        }
    }

    /**
     * Reads {@code i/n}.
     *
     * @param text  what the user gave
     * @param where where it was given, for the message: {@code --shard} or {@code -Dcdc.shard}
     * @throws IllegalArgumentException saying what was wrong and the expected form
     */
    public static Shard parse(String text, String where) {
        String given = where + " \"" + (text == null ? "" : text) + "\"";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(given + " is empty. " + EXPECTED);
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(given + " is not a shard. " + EXPECTED);
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        if (count == 0) {
            throw new IllegalArgumentException(given + ": a suite is split into at least 1 shard, not 0. " + EXPECTED);
        }
        if (index == 0) {
            throw new IllegalArgumentException(given + ": shards are counted from 1 to " + count + ", so there is no shard 0. " + EXPECTED);
        }
        if (index > count) {
            throw new IllegalArgumentException(given + ": there are only " + count + " shard" + (count == 1 ? "" : "s")
                    + ", so there is no shard " + index + ". " + EXPECTED);
        }
        return new Shard(index, count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
