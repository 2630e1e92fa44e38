package io.cdcharness.junit;

import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import java.util.Set;

/**
 * The JUnit resource lock of a {@link CdcTest} class. With one stack ({@code cdc.pool=1}) every class
 * holds the same lock, {@value CdcTest#STACK_LOCK}, so JUnit's parallel mode runs them one after the
 * other. With a pool of stacks ({@code cdc.pool=2} or more) each class holds a lock of its own: classes
 * run in parallel, each on a stack it leases for all its tests, and the tests of one class run one
 * after the other on it.
 */
public final class StackLocks implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return Set.of(new Lock(pooled() ? CdcTest.STACK_LOCK + ":" + testClass.getName() : CdcTest.STACK_LOCK));
    }

    private static boolean pooled() {
        try {
            return Settings.load().poolSize() > 1;
        } catch (RuntimeException badSettings) {
            return false; // the extension reports the settings' problem; meanwhile one lock for all is the safe side
        }
    }
}
