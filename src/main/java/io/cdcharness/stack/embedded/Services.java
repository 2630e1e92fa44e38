package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every process the embedded stack started, known from the moment it starts (not only once it is
 * ready), so that a failed or interrupted boot stops the services that were still starting.
 */
final class Services {
    private final Reaper reaper;
    private final RunDirectory run;
    private final List<ServiceProcess> started = new ArrayList<>();
    private boolean closed;

    Services(Reaper reaper, RunDirectory run) {
        this.reaper = reaper;
        this.run = run;
    }

    synchronized void add(ServiceProcess process) {
        reaper.watch(process.pid());
        run.recordServer(process.pid());
        if (closed) {
            process.kill();
            throw new StackBootException(process.service(), "the stack was closed while this service started", process.log());
        }
        started.add(process);
    }

    /** A service started again under a new PID: the reaper and the run directory learn it. */
    synchronized void relaunched(ServiceProcess process) {
        reaper.watch(process.pid());
        run.recordServer(process.pid());
        if (closed) {
            process.kill();
            throw new StackBootException(process.service(), "the stack was closed while this service started again", process.log());
        }
    }

    /** The services that died without the harness asking: name, PID, exit code and the tail of the log. */
    synchronized List<String> unexpectedDeaths() {
        List<String> deaths = new ArrayList<>();
        if (closed) {
            return deaths;
        }
        for (ServiceProcess process : started) {
            if (!process.isAlive() && !process.isDownOnPurpose()) {
                deaths.add(process.service() + " (pid " + process.pid() + ") exited with code " + process.exitCode()
                        + " although no fault step asked for it. The end of its log (" + process.log() + "):\n"
                        + "    " + process.logTail(15).replace("\n", "\n    "));
            }
        }
        return deaths;
    }

    /** Stops Connect first (so its binlog reader leaves before the database goes), then the rest in parallel. */
    void stopAll(Duration grace) {
        List<ServiceProcess> toStop;
        synchronized (this) {
            closed = true;
            toStop = List.copyOf(started);
        }
        toStop.stream().filter(p -> p.service().equals("connect")).forEach(p -> p.stop(grace));
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess process : toStop) {
            if (!process.service().equals("connect")) {
                stopping.add(CompletableFuture.runAsync(() -> process.stop(grace)));
            }
        }
        stopping.forEach(CompletableFuture::join);
    }
}
