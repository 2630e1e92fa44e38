package io.cdcharness.stack;

import java.time.Duration;
import java.util.List;

/**
 * What can go wrong on purpose: services killed, stopped and started again on the same ports and
 * data, and the network between the Connect worker and the database cut, slowed or reset. A stack
 * that cannot do a fault says so in one line ({@link UnsupportedFaultException}).
 *
 * <pre>{@code
 * StackFaults faults = stack.faults();
 * faults.kill(StackFaults.Service.CONNECT);    // kill -9
 * faults.start(StackFaults.Service.CONNECT);   // same ports, same internal topics: it resumes from its stored offsets
 * faults.cutDatabaseLink();                     // nothing moves between Connect and the database ...
 * faults.restoreDatabaseLink();                 // ... until now
 * }</pre>
 */
public interface StackFaults {

    /** The services a fault can hit. */
    enum Service {
        DATABASE("database"), KAFKA("kafka"), CONNECT("connect");

        private final String word;

        Service(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** Reads a service as a scenario names it: database, mysql, mariadb, kafka, broker, connect, worker. */
        public static Service of(String written) {
            return switch (written.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "database", "mysql", "mariadb", "db" -> DATABASE;
                case "kafka", "broker", "kafka broker" -> KAFKA;
                case "connect", "worker", "connect worker", "kafka connect" -> CONNECT;
                default -> throw new IllegalArgumentException("\"" + written + "\" is not a service of the stack. Name one of: "
                        + "database (or mysql, mariadb), kafka (or broker), connect (or worker).");
            };
        }
    }

    /** Kills the service at once (SIGKILL, or {@code docker kill}) and returns once it is gone. */
    void kill(Service service);

    /** Stops the service gracefully and returns once it is gone. */
    void stop(Service service);

    /** Starts a killed or stopped service again on the same ports with the same data, and returns once it is ready. */
    void start(Service service);

    boolean isRunning(Service service);

    /** False when the stack's processes are not this run's to kill and start (an attached warm stack, someone's cluster). */
    default boolean controlsProcesses() {
        return true;
    }

    /** Cuts the link between the Connect worker and the database: nothing moves, connections stay open (a partition). */
    void cutDatabaseLink();

    /** Ends a cut. */
    void restoreDatabaseLink();

    /** Delays every chunk of bytes between the Connect worker and the database (zero for none). */
    void databaseLinkLatency(Duration latency);

    /** Closes every open connection between the Connect worker and the database at once. */
    void resetDatabaseLink();

    /** Services that died although no fault asked for it: one paragraph each with the exit code and the log's tail. */
    List<String> unexpectedDeaths();

    /** A stack that can do no fault at all. */
    static StackFaults none(String stack) {
        return new StackFaults() {
            @Override
            public boolean controlsProcesses() {
                return false;
            }

            private UnsupportedFaultException no(String fault) {
                return new UnsupportedFaultException(stack, fault);
            }

            @Override
            public void kill(Service service) {
                throw no("kill the " + service.word());
            }

            @Override
            public void stop(Service service) {
                throw no("stop the " + service.word());
            }

            @Override
            public void start(Service service) {
                throw no("start the " + service.word());
            }

            @Override
            public boolean isRunning(Service service) {
                return true;
            }

            @Override
            public void cutDatabaseLink() {
                throw no("cut the network between Connect and the database");
            }

            @Override
            public void restoreDatabaseLink() {
                throw no("restore the network between Connect and the database");
            }

            @Override
            public void databaseLinkLatency(Duration latency) {
                throw no("add latency between Connect and the database");
            }

            @Override
            public void resetDatabaseLink() {
                throw no("reset the connections between Connect and the database");
            }

            @Override
            public List<String> unexpectedDeaths() {
                return List.of();
            }
        };
    }
}
