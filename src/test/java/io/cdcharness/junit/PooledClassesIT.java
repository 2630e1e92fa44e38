package io.cdcharness.junit;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * JUnit's parallel mode on a pool of stacks: two {@code @CdcTest} classes run at the same time, each on a
 * stack of its own, with the same topic and connector names, and neither sees the other's events. The
 * pool size is read once per JVM, so the classes run in a child JVM with {@code -Dcdc.pool=2}.
 */
class PooledClassesIT {

    @Test
    void twoClassesRunAtOnceOnTwoStacksAndNeitherSeesTheOthersEvents() throws Exception {
        Path project = Path.of(System.getProperty("cdc.project.dir", "")).toAbsolutePath();
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcdc.pool=2", "-Dcdc.project.dir=" + project,
                "-Dcdc.stack=" + System.getProperty("cdc.stack", "embedded"), "-Dcdc.database=" + System.getProperty("cdc.database", "mysql"),
                "-Dcdc.reports.dir=" + project.resolve("target/pooled-classes-reports"),
                Child.class.getName()).directory(project.toFile()).redirectErrorStream(true);
        child.environment().putAll(System.getenv());
        Process process = child.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("RESULT started=4 succeeded=4 failed=0").contains("RESULT stacks=2").contains("RESULT overlapped=true");
    }

    /** Runs the two classes with JUnit's parallel mode in this (child) JVM and prints what happened. */
    public static final class Child {
        public static void main(String[] args) {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                    .selectors(selectClass(ShopOne.class), selectClass(ShopTwo.class)).execute();
            results.testEvents().failed().stream().forEach(event -> System.out.println("FAILED " + event));
            var stats = results.testEvents();
            System.out.println("RESULT started=" + stats.started().count() + " succeeded=" + stats.succeeded().count()
                    + " failed=" + stats.failed().count());
            System.out.println("RESULT stacks=" + STACKS.values().stream().distinct().count() + " " + STACKS);
            List<long[]> one = INTERVALS.get("ShopOne");
            List<long[]> two = INTERVALS.get("ShopTwo");
            boolean overlapped = one != null && two != null && one.stream().anyMatch(a -> two.stream().anyMatch(b -> a[0] < b[1] && b[0] < a[1]));
            System.out.println("RESULT overlapped=" + overlapped);
            System.exit(0);
        }
    }

    static final Map<String, String> STACKS = new ConcurrentHashMap<>();
    /** Each class's first test waits here for the other's: both get through only when the classes really run at once. */
    static final java.util.concurrent.CountDownLatch BOTH_RUNNING = new java.util.concurrent.CountDownLatch(2);

    static void meetTheOtherClass(String who) throws InterruptedException {
        BOTH_RUNNING.countDown();
        if (!BOTH_RUNNING.await(3, TimeUnit.MINUTES)) {
            throw new AssertionError(who + " ran its first test, and the other class did not start one within 3 minutes: "
                    + "the classes ran one after the other, not in parallel");
        }
    }
    static final Map<String, List<long[]>> INTERVALS = new ConcurrentHashMap<>();

    /** Inserts one customer, and the topic holds exactly that one event: another class's insert would show. */
    static void insertAndSeeOnlyIt(String who, CdcHarness cdc, int id) {
        STACKS.put(who, cdc.stack().connectUrl());
        long start = System.nanoTime();
        cdc.execute("INSERT INTO shop.customers VALUES (" + id + ", '" + who + "', 'x@example.com')");
        cdc.topic("shop.shop.customers").holdsExactly(List.of(EventExpectation.create().with("after.id", Integer.toString(id))
                .with("after.name", who)));
        INTERVALS.computeIfAbsent(who, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(new long[] {start, System.nanoTime()});
    }

    /** The same two tests in each class: the first meets the other class, each sees only its own customer. */
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
    abstract static class Shop {
        abstract String who();

        @Test
        @org.junit.jupiter.api.Order(1)
        void first(CdcHarness cdc) throws InterruptedException {
            meetTheOtherClass(who());
            insertAndSeeOnlyIt(who(), cdc, 1);
        }

        @Test
        @org.junit.jupiter.api.Order(2)
        void second(CdcHarness cdc) {
            insertAndSeeOnlyIt(who(), cdc, 2);
        }
    }

    @CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json")
    static class ShopOne extends Shop {
        @Override
        String who() {
            return "ShopOne";
        }
    }

    @CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json")
    static class ShopTwo extends Shop {
        @Override
        String who() {
            return "ShopTwo";
        }
    }
}
