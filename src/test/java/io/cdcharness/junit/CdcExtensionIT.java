package io.cdcharness.junit;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.sql.Database;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** The JUnit 5 extension, used as another repo would use it. */
@CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json")
class CdcExtensionIT {

    @Test
    void aNewCustomerIsCaptured(CdcHarness cdc) {
        cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.name", "Ann"));
    }

    @Test
    void injectsTheRegisteredConnectorAndTheClients(CdcHarness.Connector connector, Database database, ConnectClient connect) {
        assertThat(connector.name()).isEqualTo("shop-connector");
        assertThat(connector.topicPrefix()).isEqualTo("shop");
        assertThat(connect.status(connector.name()).isFullyRunning()).isTrue();
        assertThat(database.userDatabases()).contains("shop");
    }

    @Test
    void everyTestStartsOnACleanSlate(CdcHarness cdc) {
        // another test inserted customer 1; after the reset the table is new and empty
        assertThat(cdc.database().query("SELECT COUNT(*) AS n FROM shop.customers").get(0).get("n")).isEqualTo(0L);
        assertThat(cdc.connect().connectors()).containsExactly("shop-connector");
    }

    @Test
    void aStackThatCannotRunSkipsOrFailsAsAsked() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SkipsWhenUnavailable.class)).execute()
                .allEvents().assertThatEvents().haveExactly(1, event(abortedWithReason(message(text ->
                        text.startsWith("The CDC stack (cdc.stack=external, cdc.database=") && text.contains("could not start")
                                && text.contains("skipped because @CdcTest(whenUnavailable = SKIP)")))));
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailsWhenUnavailable.class)).execute()
                .allEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(text ->
                        text.contains("could not start") && text.contains("use @CdcTest(whenUnavailable = SKIP) to skip instead of failing")))));
    }

    @Test
    void perClassIsolationKeepsTheSlateAcrossTheClassesTests() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharesOneSlatePerClass.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void testsOnOneStackNeverOverlapEvenInJUnitsParallelMode() {
        RunsOneAtATime.intervals.clear();
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(RunsOneAtATime.class), selectClass(AlsoRunsOneAtATime.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        List<long[]> intervals = new java.util.ArrayList<>(RunsOneAtATime.intervals);
        intervals.sort(java.util.Comparator.comparingLong(interval -> interval[0]));
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i)[0]).as("test %d started after test %d ended", i, i - 1).isGreaterThanOrEqualTo(intervals.get(i - 1)[1]);
        }
    }

    @CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json")
    static class RunsOneAtATime {
        static final List<long[]> intervals = new java.util.concurrent.CopyOnWriteArrayList<>();

        static void insertAndSee(CdcHarness cdc, int id) {
            long start = System.nanoTime();
            cdc.execute("INSERT INTO shop.customers VALUES (" + id + ", 'Ann', 'ann@example.com')");
            cdc.topic("shop.shop.customers").holdsExactly(List.of(EventExpectation.create().with("after.id", Integer.toString(id))));
            intervals.add(new long[] {start, System.nanoTime()});
        }

        @Test
        void one(CdcHarness cdc) {
            insertAndSee(cdc, 1);
        }

        @Test
        void two(CdcHarness cdc) {
            insertAndSee(cdc, 2);
        }
    }

    @CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json")
    static class AlsoRunsOneAtATime {
        @Test
        void three(CdcHarness cdc) {
            RunsOneAtATime.insertAndSee(cdc, 3);
        }

        @Test
        void four(CdcHarness cdc) {
            RunsOneAtATime.insertAndSee(cdc, 4);
        }
    }

    @CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json", isolation = CdcTest.Isolation.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharesOneSlatePerClass {
        @Test
        @Order(1)
        void writesARow(CdcHarness cdc) {
            cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
            cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.id", "1"));
        }

        @Test
        @Order(2)
        void seesTheRowOfTheTestBefore(CdcHarness cdc) {
            assertThat(cdc.database().query("SELECT COUNT(*) AS n FROM shop.customers").get(0).get("n")).isEqualTo(1L);
            cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.id", "1"));
        }
    }

    @CdcTest(stack = "external", whenUnavailable = CdcTest.WhenUnavailable.SKIP)
    static class SkipsWhenUnavailable {
        @Test
        void needsAnExternalStack(CdcHarness cdc) {
            throw new AssertionError("must not run");
        }
    }

    @CdcTest(stack = "external")
    static class FailsWhenUnavailable {
        @Test
        void needsAnExternalStack(CdcHarness cdc) {
            throw new AssertionError("must not run");
        }
    }
}
