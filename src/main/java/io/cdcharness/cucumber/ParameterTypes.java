package io.cdcharness.cucumber;

import io.cdcharness.assertions.EventExpectation;
import io.cucumber.java.ParameterType;

/** Words that steps accept in place of a parameter, with errors that list the valid ones. */
public class ParameterTypes {

    /** An operation: create, update, delete, read (snapshot), truncate. */
    @ParameterType("create|update|delete|read|snapshot read|truncate|insert")
    public String op(String written) {
        return EventExpectation.opCode(written);
    }

    /** A connector state as Connect reports it. */
    @ParameterType("RUNNING|PAUSED|STOPPED|FAILED|UNASSIGNED")
    public String state(String state) {
        return state;
    }
}
