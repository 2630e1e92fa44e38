package io.cdcharness.stack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The harness's own progress and notice lines on standard output, prefixed {@code [cdc-harness]}. */
public final class HarnessLog {
    private static final Set<String> SAID_ONCE = ConcurrentHashMap.newKeySet();

    private HarnessLog() {
    }

    public static void info(String message) {
        System.out.println("[cdc-harness] " + message);
        System.out.flush();
    }

    /** Prints the message the first time only, in this JVM. */
    public static void once(String message) {
        if (SAID_ONCE.add(message)) {
            info(message);
        }
    }
}
