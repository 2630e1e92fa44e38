package io.cdcharness.connect;

import java.util.List;

/** Kafka Connect's REST API refused a request. The message has Connect's own explanation. */
public class ConnectRestException extends RuntimeException {
    private final int status;

    public ConnectRestException(String request, int status, String connectMessage, List<String> fieldErrors) {
        super(message(request, status, connectMessage, fieldErrors));
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String message(String request, int status, String connectMessage, List<String> fieldErrors) {
        // With field errors listed below, Connect's own message only needs its first line.
        String said = fieldErrors.isEmpty() ? connectMessage : connectMessage.lines().findFirst().orElse(connectMessage);
        StringBuilder text = new StringBuilder("Kafka Connect refused ").append(request)
                .append(" with HTTP ").append(status).append(": ").append(said);
        if (!fieldErrors.isEmpty()) {
            text.append("\nConnect's validation of the connector config found ").append(fieldErrors.size())
                    .append(fieldErrors.size() == 1 ? " problem:" : " problems:");
            fieldErrors.forEach(error -> text.append("\n  - ").append(error));
            text.append("\nFix these keys in the connector's JSON fixture.");
        }
        return text.toString();
    }
}
