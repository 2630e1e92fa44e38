package io.cdcharness.kafka.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the literal forms users write in tables, as MySQL and MariaDB write them in SQL. */
public final class SqlLiterals {
    private static final Pattern HEX = Pattern.compile("(?:0x([0-9a-fA-F]*)|[xX]'([0-9a-fA-F]*)')");
    private static final Pattern BITS = Pattern.compile("(?:0b([01]+)|[bB]'([01]*)'|([01]+))");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private SqlLiterals() {
    }

    /** {@code 0xCAFE}, {@code x'CAFE'} or {@code X'cafe'} as bytes; {@code 0xABC} is {@code 0x0ABC} as in MySQL. Null for anything else. */
    public static byte[] hex(String written) {
        Matcher m = HEX.matcher(written.trim());
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(1) != null ? m.group(1) : m.group(2);
        if (digits.length() % 2 != 0) {
            if (m.group(2) != null) {
                return null; // MySQL refuses x'ABC'
            }
            digits = "0" + digits;
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** {@code 101}, {@code b'101'} or {@code 0b101} as the number those bits make; null for anything else. */
    public static BigInteger bits(String written) {
        Matcher m = BITS.matcher(written.trim());
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 2);
    }

    /** A decimal number ({@code 12}, {@code -1.50}, {@code 1e3}); null for anything else. */
    public static BigDecimal number(String written) {
        String text = written.trim();
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }

    /** The text of an SQL string literal {@code 'it''s'} ({@code it's}); null when {@code written} is not one. */
    public static String sqlString(String written) {
        if (written.length() < 2 || !written.startsWith("'") || !written.endsWith("'")) {
            return null;
        }
        String inner = written.substring(1, written.length() - 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'') {
                if (i + 1 < inner.length() && inner.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return null; // a lone quote inside: not one literal
                }
            }
            text.append(c);
        }
        return text.toString();
    }

    /** Bytes as {@code 0x}-hex in lower case. */
    public static String hexText(byte[] bytes) {
        StringBuilder text = new StringBuilder("0x");
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    /** A fraction of a second, {@code nanos} in 0..999,999,999, as {@code .5} → {@code .500}: whole groups of three digits, none when zero. */
    static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String digits = String.format("%09d", nanos);
        int length = digits.endsWith("000000") ? 3 : digits.endsWith("000") ? 6 : 9;
        return "." + digits.substring(0, length);
    }

    /** Digits after a decimal point ({@code 78} → 780,000,000 nanoseconds); at most nine. */
    static int nanos(String digits) {
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 9) {
            throw new IllegalArgumentException("more than 9 fraction digits");
        }
        return Integer.parseInt((digits + "000000000").substring(0, 9));
    }
}
