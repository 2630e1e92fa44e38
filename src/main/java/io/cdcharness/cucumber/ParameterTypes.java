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

    /** A service of the stack, as a fault step names it. */
    @ParameterType("Connect worker|connect worker|Kafka Connect worker|database|MySQL server|MariaDB server|Kafka broker|broker")
    public io.cdcharness.stack.StackFaults.Service service(String written) {
        return io.cdcharness.stack.StackFaults.Service.of(written.replace(" server", "").replace("Kafka Connect worker", "worker"));
    }

    /** A delivery guarantee a reconciliation holds a topic to. */
    @ParameterType("at-least-once|exactly-once")
    public io.cdcharness.assertions.Reconciliation.Delivery delivery(String written) {
        return io.cdcharness.assertions.Reconciliation.Delivery.of(written);
    }

    /** A connector state as Connect reports it. */
    @ParameterType("RUNNING|PAUSED|STOPPED|FAILED|UNASSIGNED")
    public String state(String state) {
        return state;
    }
}
