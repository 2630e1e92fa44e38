package io.cdcharness.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a Connect worker has finished starting: it has read its config topic and joined its group.
 * {@code GET /connectors} answers before that, with the connectors it has read so far, so a clean
 * slate just after a restart saw none and left the old ones in place (KAFKA-10816).
 * <p>
 * Connect 3.9 and later answer {@code GET /health} with 200 once started (KIP-1017). Older workers
 * answer a connector's status only after their herder started: a 404 for a connector that does not
 * exist says the same, once {@code GET /connectors} shows the REST resources are in place.
 *
 * <pre>{@code
 * boolean started = ConnectReadiness.hasStarted(http, "http://127.0.0.1:8083");
 * }</pre>
 */
public final class ConnectReadiness {
    private static final String PROBE = "/connectors/cdc-harness-readiness-probe/status";

    private ConnectReadiness() {
    }

    /** True once the worker at {@code url} has started; false while it starts or cannot be reached. */
    public static boolean hasStarted(HttpClient http, String url) {
        return probe(() -> {
            int health = status(http, url + "/health");
            if (health != 404) {
                return health == 200;
            }
            // Before 3.9. Until its REST resources are registered, a worker answers every path with 404, so
            // first GET /connectors must answer 200; a connector's status is answered only once the herder runs.
            return status(http, url + "/connectors") == 200 && status(http, url + PROBE) == 404;
        });
    }

    /**
     * True once the worker's REST resources are registered ({@code GET /connector-plugins} answers 200), which is
     * earlier than {@link #hasStarted}: the herder may still be reading its topics and joining its group.
     */
    public static boolean answers(HttpClient http, String url) {
        return probe(() -> status(http, url + "/connector-plugins") == 200);
    }

    /** A question to the worker's REST API. */
    private interface Probe {
        boolean ask() throws IOException, InterruptedException;
    }

    /** The probe's answer; false when the worker cannot be reached. */
    private static boolean probe(Probe probe) {
        try {
            return probe.ask();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int status(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
