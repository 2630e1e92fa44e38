package io.cdcharness.kafka.values;

import java.math.BigInteger;

/**
 * BIT(n), n &gt; 1 ({@code io.debezium.data.Bits}: little-endian bytes, {@code length} bits), compared by its bits:
 * {@code 1000000}, {@code 01000000}, {@code b'1000000'}, {@code 0b1000000} and {@code x'40'} all mean the same BIT(8).
 * Leading zeros are optional; a written value with more significant bits than the column has does not match.
 */
public record BitsValue(BigInteger bits, int length) implements SqlValue {

    /** Reads Debezium's little-endian form: byte 0 holds bits 0 to 7. */
    public static BitsValue fromLittleEndian(byte[] bytes, int length) {
        byte[] bigEndian = new byte[bytes.length + 1]; // a leading zero byte keeps it positive
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[bytes.length - i] = bytes[i];
        }
        return new BitsValue(new BigInteger(bigEndian), length);
    }

    @Override
    public boolean matches(String written) {
        BigInteger expected = SqlLiterals.bits(written);
        if (expected == null) {
            byte[] hex = SqlLiterals.hex(written);
            expected = hex == null ? null : new BigInteger(1, hex);
        }
        return expected != null && expected.equals(bits);
    }

    /** The bits, most significant first, padded to the column's length: {@code 01000000} for BIT(8) 64. */
    @Override
    public String show() {
        String text = bits.toString(2);
        return text.length() >= length ? text : "0".repeat(length - text.length()) + text;
    }
}
