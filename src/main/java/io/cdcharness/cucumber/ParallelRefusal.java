package io.cdcharness.cucumber;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/** Refuses Cucumber's parallel mode: scenarios on one CDC stack share its databases, topics and connectors. */
final class ParallelRefusal {
    static final String PROPERTY = "cucumber.execution.parallel.enabled";
    static final String MESSAGE = "Cucumber runs scenarios in parallel (" + PROPERTY + "=true), but scenarios on one CDC stack share "
            + "its databases, topics and connectors, so they would see each other's events. Give each parallel scenario a stack of "
            + "its own with -Dcdc.pool=2 (or more: a pool of stacks, one scenario each at a time), or set " + PROPERTY + "=false.";

    private ParallelRefusal() {
    }

    /** Fails when parallel mode is configured, or when another scenario is running in another thread right now. */
    static void check(AtomicReference<Thread> running) {
        if (configured()) {
            throw new IllegalStateException(MESSAGE);
        }
        Thread other = running.get();
        if (other != null && other != Thread.currentThread() && other.isAlive()) {
            throw new IllegalStateException(MESSAGE);
        }
        running.set(Thread.currentThread());
    }

    private static boolean configured() {
        if (Boolean.parseBoolean(System.getProperty(PROPERTY, "false"))) {
            return true;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("junit-platform.properties")) {
            if (in == null) {
                return false;
            }
            Properties properties = new Properties();
            properties.load(in);
            return Boolean.parseBoolean(properties.getProperty(PROPERTY, "false").trim());
        } catch (IOException e) {
            return false;
        }
    }
}
