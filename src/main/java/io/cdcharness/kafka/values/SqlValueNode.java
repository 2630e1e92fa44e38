package io.cdcharness.kafka.values;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A leaf of a decoded event: behaves as the JSON node {@code shown} (a text node holding the value as a user writes
 * it, or the number) for everyone who reads the tree, and carries the {@link SqlValue} for comparisons by meaning.
 */
public final class SqlValueNode extends ValueNode implements TypedNode {
    private static final long serialVersionUID = 1L;
    private final transient SqlValue value;
    private final JsonNode shown;

    public SqlValueNode(SqlValue value, JsonNode shown) {
        this.value = value;
        this.shown = shown;
    }

    @Override
    public SqlValue sqlValue() {
        return value;
    }

    /** The plain JSON node this value prints as. */
    public JsonNode shown() {
        return shown;
    }

    @Override
    public JsonToken asToken() {
        return shown.asToken();
    }

    @Override
    public JsonParser.NumberType numberType() {
        return shown.numberType();
    }

    @Override
    public JsonNodeType getNodeType() {
        return shown.getNodeType();
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        ((ValueNode) shown).serialize(generator, provider);
    }

    @Override
    public String asText() {
        return shown.asText();
    }

    @Override
    public String textValue() {
        return shown.textValue();
    }

    @Override
    public boolean booleanValue() {
        return shown.booleanValue();
    }

    @Override
    public boolean asBoolean(boolean defaultValue) {
        return shown.asBoolean(defaultValue);
    }

    @Override
    public Number numberValue() {
        return shown.numberValue();
    }

    @Override
    public int intValue() {
        return shown.intValue();
    }

    @Override
    public long longValue() {
        return shown.longValue();
    }

    @Override
    public double doubleValue() {
        return shown.doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        return shown.decimalValue();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return shown.bigIntegerValue();
    }

    @Override
    public int asInt(int defaultValue) {
        return shown.asInt(defaultValue);
    }

    @Override
    public long asLong(long defaultValue) {
        return shown.asLong(defaultValue);
    }

    @Override
    public double asDouble(double defaultValue) {
        return shown.asDouble(defaultValue);
    }

    @Override
    public boolean canConvertToInt() {
        return shown.canConvertToInt();
    }

    @Override
    public boolean canConvertToLong() {
        return shown.canConvertToLong();
    }

    @Override
    public boolean isIntegralNumber() {
        return shown.isIntegralNumber();
    }

    @Override
    public boolean isFloatingPointNumber() {
        return shown.isFloatingPointNumber();
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof SqlValueNode that) {
            return shown.equals(that.shown);
        }
        return shown.equals(other);
    }

    @Override
    public int hashCode() {
        return shown.hashCode();
    }

    @Override
    public String toString() {
        return shown.toString();
    }
}
