package io.cdcharness.kafka.values;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A decoded {@code io.debezium.data.geometry.Geometry} (or {@code Point}) struct: its fields stay readable by path
 * ({@code after.shape.srid}, {@code after.shape.wkb}), and the whole compares by geometry with WKT.
 */
public final class GeometryNode extends ObjectNode implements TypedNode {
    private static final long serialVersionUID = 1L;
    private final transient GeometryValue value;

    public GeometryNode(GeometryValue value, ObjectNode fields) {
        super(JsonNodeFactory.instance);
        this.value = value;
        setAll(fields);
    }

    @Override
    public GeometryValue sqlValue() {
        return value;
    }
}
