package io.cdcharness.assertions;

/**
 * Explains the state of the pipeline when an expectation fails: connector and task states with
 * traces, and where the service logs are. Supplied by whoever knows the stack.
 */
@FunctionalInterface
public interface Diagnostics {
    Diagnostics NONE = () -> "";

    /** A multi-line text; empty when there is nothing to add. */
    String describe();
}
