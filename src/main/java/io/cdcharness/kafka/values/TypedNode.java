package io.cdcharness.kafka.values;

/** A JSON node of a decoded event that carries the {@link SqlValue} its schema gave it. */
public interface TypedNode {
    SqlValue sqlValue();
}
