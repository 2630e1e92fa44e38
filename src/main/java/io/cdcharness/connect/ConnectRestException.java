package io.cdcharness.connect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/** Kafka Connect's REST API refused a request. The message has Connect's own explanation. */
public class ConnectRestException extends RuntimeException {
    private final String request;
    private final int status;
    private final String connectMessage;
    private final List<FieldError> fieldErrors;

    /** One problem Connect's validation found with a config key (its value masked when it is a secret). */
    public record FieldError(String key, String value, String message) {
        String describe(Function<String, String> sourceOf) {
            String source = sourceOf == null ? "" : " (from " + sourceOf.apply(key) + ")";
            return key + " = " + value + source + ": " + message;
        }
    }

    public ConnectRestException(String request, int status, String connectMessage, List<FieldError> fieldErrors) {
        this(request, status, connectMessage, fieldErrors, null, "the connector's JSON fixture");
    }

    private ConnectRestException(String request, int status, String connectMessage, List<FieldError> fieldErrors,
                                 Function<String, String> sourceOf, String fixWhere) {
        super(io.cdcharness.stack.Secrets.scrub(message(request, status, connectMessage, distinct(fieldErrors), sourceOf, fixWhere)));
        this.request = request;
        this.status = status;
        this.connectMessage = connectMessage;
        this.fieldErrors = distinct(fieldErrors);
    }

    /**
     * True when Connect only could not answer yet: 409 while a rebalance is in progress, or 500 "Request
     * cannot be completed because a rebalance is expected". The same call succeeds a moment later.
     */
    public boolean isTransient() {
        return status() == 409 || (status() == 500 && String.valueOf(getMessage()).contains("rebalance"));
    }

    public int status() {
        return status;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * The same refusal, with each field error saying where its key came from (the fixture, or the
     * changes a step made to it), and the closing advice naming the right place to fix.
     */
    public ConnectRestException withSources(Function<String, String> sourceOf, boolean someFromChanges) {
        if (fieldErrors.isEmpty()) {
            return this;
        }
        return new ConnectRestException(request, status, connectMessage, fieldErrors, sourceOf,
                someFromChanges ? "the fixture or the overrides, as marked" : "the connector's JSON fixture");
    }

    /** Connect repeats an error when a key appears in more than one group: each is shown once. */
    private static List<FieldError> distinct(List<FieldError> errors) {
        return List.copyOf(new LinkedHashSet<>(errors));
    }

    private static String message(String request, int status, String connectMessage, List<FieldError> fieldErrors,
                                  Function<String, String> sourceOf, String fixWhere) {
        // With field errors listed below, Connect's own message only needs its first line.
        String said = fieldErrors.isEmpty() ? connectMessage : connectMessage.lines().findFirst().orElse(connectMessage);
        StringBuilder text = new StringBuilder("Kafka Connect refused ").append(request)
                .append(" with HTTP ").append(status).append(": ").append(said);
        if (!fieldErrors.isEmpty()) {
            text.append("\nConnect's validation of the connector config found ").append(fieldErrors.size())
                    .append(fieldErrors.size() == 1 ? " problem:" : " problems:");
            List<String> lines = new ArrayList<>();
            fieldErrors.forEach(error -> lines.add(error.describe(sourceOf)));
            lines.forEach(line -> text.append("\n  - ").append(line));
            text.append("\nFix these keys in ").append(fixWhere).append('.');
        }
        return text.toString();
    }
}
