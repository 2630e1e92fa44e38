package io.cdcharness.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The harness's own progress and notice lines (boot phases, connector rewrites, scenario results),
 * logged through SLF4J under the logger {@value #LOGGER}, so that the build that uses the harness
 * decides where they go and at which level ({@code org.slf4j.simpleLogger.log.io.cdcharness=warn},
 * a Logback {@code <logger name="io.cdcharness" level="WARN"/>}). Secrets are masked ({@link Secrets}).
 *
 * <p>Where no SLF4J provider is bound, or in the command line, the lines go to standard output as
 * {@code [cdc-harness] ...}, so that a first run still shows its progress.
 *
 * <pre>{@code
 * HarnessLog.info("stack ready in 4.8 s");
 * HarnessLog.warn("environment variable CDC_TIMOUT is not a cdc-harness setting");
 * }</pre>
 */
public final class HarnessLog {
    /** The logger every harness line goes to. */
    public static final String LOGGER = "io.cdcharness";

    private static final Set<String> SAID_ONCE = ConcurrentHashMap.newKeySet();
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static volatile boolean console = LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;

    private HarnessLog() {
    }

    /** Sends every later line to standard output as {@code [cdc-harness] ...} (the command line's own console). */
    public static void toConsole() {
        console = true;
    }

    public static void info(String message) {
        String text = Secrets.scrub(message);
        if (console) {
            System.out.println("[cdc-harness] " + text);
            System.out.flush();
        } else {
            LOG.info(text);
        }
    }

    public static void warn(String message) {
        String text = Secrets.scrub(message);
        if (console) {
            System.out.println("[cdc-harness] WARNING: " + text);
            System.out.flush();
        } else {
            LOG.warn(text);
        }
    }

    /** Prints the message the first time only, in this JVM. */
    public static void once(String message) {
        if (SAID_ONCE.add(message)) {
            info(message);
        }
    }

    /** Warns the first time only, in this JVM. */
    public static void warnOnce(String message) {
        if (SAID_ONCE.add("WARN " + message)) {
            warn(message);
        }
    }
}
