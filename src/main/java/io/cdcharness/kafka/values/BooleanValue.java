package io.cdcharness.kafka.values;

import java.util.Locale;

/**
 * A Connect {@code boolean}: BIT(1), BOOLEAN columns created while Debezium streams, TINYINT(1) through
 * {@code TinyIntOneToBooleanConverter}. Written {@code true}/{@code false}, {@code 1}/{@code 0} or {@code b'1'}/{@code b'0'}.
 */
public record BooleanValue(boolean value) implements SqlValue {
    @Override
    public boolean matches(String written) {
        String text = written.trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "1", "b'1'", "0b1":
                return value;
            case "false", "0", "b'0'", "0b0":
                return !value;
            default:
                return false;
        }
    }

    @Override
    public String show() {
        return Boolean.toString(value);
    }
}
