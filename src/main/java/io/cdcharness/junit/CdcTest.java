package io.cdcharness.junit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a JUnit 5 test class against a CDC stack. The stack boots once per JVM (shared with the
 * Cucumber glue when the settings agree) and every test starts on a clean slate.
 *
 * <pre>{@code
 * @CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json")
 * class ShopCdcTest {
 *     @Test
 *     void aNewCustomerIsCaptured(CdcHarness cdc) {
 *         cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
 *         cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.name", "Ann"));
 *     }
 * }
 * }</pre>
 *
 * Empty attributes fall back to the layered settings ({@code cdc-harness.properties}, environment,
 * system properties). Test methods and constructors may declare parameters of type
 * {@link io.cdcharness.CdcHarness}, {@link io.cdcharness.sql.Database}, {@link io.cdcharness.connect.ConnectClient},
 * {@link io.cdcharness.stack.CdcStack}, {@link io.cdcharness.kafka.TopicRecorder} and
 * {@link io.cdcharness.CdcHarness.Connector} (the connector registered from {@link #connector()}).
 *
 * <p>Tests on one stack share its databases, topics and connectors, so they never run at the same
 * time: {@code @CdcTest} holds the JUnit resource lock {@value #STACK_LOCK}, and JUnit's parallel mode
 * runs such classes one after the other. With a pool of stacks ({@code -Dcdc.pool=2}) each class
 * leases a stack of its own for all its tests and holds a lock of its own ({@link StackLocks}), so
 * classes run in parallel while the tests of one class run one after the other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CdcExtension.class)
@ResourceLock(providers = StackLocks.class)
public @interface CdcTest {

    /** The JUnit resource lock every {@code @CdcTest} class holds: one test at a time per stack. */
    String STACK_LOCK = "io.cdcharness.stack";

    /** {@code embedded}, {@code containers} or {@code external}; empty: {@code cdc.stack}. */
    String stack() default "";

    /** {@code mysql} or {@code mariadb}; empty: {@code cdc.database}. */
    String database() default "";

    /** An SQL fixture run after the reset and before the connector is registered (schema, seed rows). */
    String sql() default "";

    /** A connector fixture registered after the reset; the tests start once it streams. */
    String connector() default "";

    /** Timeout of every eventual assertion, e.g. {@code 10s}; empty: {@code cdc.timeout}. */
    String timeout() default "";

    /** When the clean slate is made: before each test method (default) or once before the class. */
    Isolation isolation() default Isolation.PER_METHOD;

    /** What happens when the stack cannot run (for example containers without Docker). */
    WhenUnavailable whenUnavailable() default WhenUnavailable.FAIL;

    enum Isolation { PER_METHOD, PER_CLASS }

    enum WhenUnavailable {
        /** The tests fail with the reason the stack could not start. */
        FAIL,
        /** The tests are skipped (aborted), with the reason as the skip message. */
        SKIP
    }
}
