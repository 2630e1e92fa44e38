package io.cdcharness.kafka.values;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * BINARY, VARBINARY and BLOB in {@code binary.handling.mode=bytes} (the default; base64 on the wire), compared by
 * their bytes: written {@code 0xCAFE}, {@code x'CAFE'}, or as the text the bytes hold in UTF-8 ({@code MySQL} for
 * {@code 0x4D7953514C}). BINARY(n) keeps MySQL's zero padding: {@code 0x010200} for {@code x'0102'} in a BINARY(3).
 */
public record BinaryValue(byte[] bytes) implements SqlValue {

    @Override
    public boolean matches(String written) {
        byte[] hex = SqlLiterals.hex(written);
        if (hex != null) {
            return Arrays.equals(hex, bytes);
        }
        String text = SqlLiterals.sqlString(written);
        return Arrays.equals((text != null ? text : written).getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** {@code 0x}-hex, followed by the text in quotes when the bytes are printable UTF-8: {@code 0x4d7953514c ('MySQL')}. */
    @Override
    public String show() {
        String hex = SqlLiterals.hexText(bytes);
        String text = printable(bytes);
        return text == null ? hex : hex + " ('" + text + "')";
    }

    private static String printable(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.codePoints().allMatch(c -> !Character.isISOControl(c)) ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryValue that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return show();
    }
}
