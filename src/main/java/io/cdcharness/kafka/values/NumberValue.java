package io.cdcharness.kafka.values;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number, compared by value: integers ({@code int8} to {@code int64}, YEAR), FLOAT ({@code float32}: compared as
 * a single-precision float, so {@code 64.1} matches; a single-precision value that arrives as {@code float64},
 * 5.610000133514404 for FLOAT(10,2) 5.61, matches {@code 5.61}), DOUBLE and DECIMAL in {@code decimal.handling.mode=double}
 * ({@code float64}), DECIMAL ({@code org.apache.kafka.connect.data.Decimal}: {@code 1234.5} matches {@code 1234.50}),
 * BIGINT UNSIGNED in either {@code bigint.unsigned.handling.mode}.
 */
public record NumberValue(BigDecimal value, Kind kind) implements SqlValue {
    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public enum Kind {
        /** int8, int16, int32: the value is the number. */
        INTEGER,
        /** int64: also BIGINT UNSIGNED with {@code bigint.unsigned.handling.mode=long}, where 2^63 and above wrap to negative longs. */
        INT64,
        FLOAT32,
        FLOAT64,
        DECIMAL
    }

    @Override
    public boolean matches(String written) {
        BigDecimal expected = SqlLiterals.number(written);
        if (expected == null) {
            return false;
        }
        switch (kind) {
            case FLOAT32:
                return Float.compare(expected.floatValue(), value.floatValue()) == 0 || expected.compareTo(value) == 0;
            case FLOAT64:
                return Double.compare(expected.doubleValue(), value.doubleValue()) == 0 || expected.compareTo(value) == 0
                        || widenedFloat(expected);
            case INT64:
                if (expected.compareTo(value) == 0) {
                    return true;
                }
                // BIGINT UNSIGNED in long mode: 18446744073709551615 arrives as -1. A signed BIGINT can never hold a
                // value above 2^63 - 1, so a written value there can only mean the unsigned one.
                return value.signum() < 0 && expected.scale() <= 0 && expected.toBigInteger().compareTo(LONG_MAX) > 0
                        && expected.toBigInteger().compareTo(TWO_TO_THE_64) < 0
                        && expected.toBigInteger().subtract(TWO_TO_THE_64).equals(value.toBigInteger());
            default:
                return expected.compareTo(value) == 0;
        }
    }

    /**
     * FLOAT(M,D) and FLOAT(p &lt; 25) columns are stored in single precision but some arrive as {@code float64}: 5.61
     * as 5.610000133514404. A written value of at most 9 significant digits (all a float holds) that rounds to
     * that float matches it.
     */
    private boolean widenedFloat(BigDecimal expected) {
        double actual = value.doubleValue();
        float asFloat = (float) actual;
        return (double) asFloat == actual && !Float.isInfinite(asFloat) && expected.stripTrailingZeros().precision() <= 9
                && Float.compare(expected.floatValue(), asFloat) == 0;
    }

    @Override
    public String show() {
        switch (kind) {
            case FLOAT32:
                return Float.toString(value.floatValue());
            case FLOAT64:
                return Double.toString(value.doubleValue());
            default:
                return value.toPlainString();
        }
    }
}
