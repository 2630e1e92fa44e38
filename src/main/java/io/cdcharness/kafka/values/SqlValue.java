package io.cdcharness.kafka.values;

/**
 * A column value decoded from a change event with its Connect schema, that knows what it means: an instant, a
 * duration, a set of bits, a number, bytes, a geometry. Users write expected values as in SQL ({@code 517:51:04.78},
 * {@code b'101'}, {@code 0xCAFE}, {@code POINT(1 2)}); {@link #matches} compares by meaning, not by text on the wire.
 */
public interface SqlValue {

    /** Whether {@code written}, a value as a user writes it in a table, means this value. */
    boolean matches(String written);

    /** This value as a user would write it; what a failure message shows. */
    String show();
}
