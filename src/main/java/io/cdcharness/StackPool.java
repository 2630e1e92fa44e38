package io.cdcharness;

import io.cdcharness.stack.HarnessLog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stacks for scenarios that run in parallel ({@code cdc.pool} of them at most): a scenario leases one
 * for its whole run, so no two scenarios ever share a stack at the same time, and nothing one scenario
 * does reaches another's databases, topics or connectors. Stacks boot when a scenario first needs
 * one, one at a time (the first of them may be a warm stack); a scenario waits while all are busy.
 */
final class StackPool {
    private final int size;
    private final Supplier<CdcHarness> first;
    private final Supplier<CdcHarness> another;
    private final List<CdcHarness> members = new ArrayList<>();
    private final Deque<CdcHarness> idle = new ArrayDeque<>();
    private final ThreadLocal<CdcHarness> leased = new ThreadLocal<>();
    private final Object oneBootAtATime = new Object();
    private int booting;
    private boolean firstTaken;

    StackPool(int size, Supplier<CdcHarness> first, Supplier<CdcHarness> another) {
        this.size = size;
        this.first = first;
        this.another = another;
    }

    int size() {
        return size;
    }

    /** The stack this thread leased, or null. */
    CdcHarness leasedByThisThread() {
        return leased.get();
    }

    /** Leases an idle stack to this thread, booting one while there are fewer than {@code size}; waits while all are busy. */
    CdcHarness lease() {
        CdcHarness mine = leased.get();
        if (mine != null) {
            return mine;
        }
        CdcHarness harness = null;
        boolean boot = false;
        boolean isFirst = false;
        int number;
        synchronized (this) {
            while (idle.isEmpty() && members.size() + booting >= size) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a free stack of the pool (cdc.pool=" + size + ")", e);
                }
            }
            if (!idle.isEmpty()) {
                harness = idle.pop();
            } else {
                booting++;
                boot = true;
                isFirst = !firstTaken;
                firstTaken = true;
            }
            number = members.size() + booting;
        }
        if (boot) {
            try {
                synchronized (oneBootAtATime) { // a cold cache is filled by one boot, not raced by two
                    HarnessLog.info("booting stack " + number + " of the pool (cdc.pool=" + size + ") for scenarios in parallel");
                    harness = isFirst ? first.get() : another.get();
                }
            } finally {
                synchronized (this) {
                    booting--;
                    if (harness != null) {
                        members.add(harness);
                    }
                    notifyAll();
                }
            }
        }
        leased.set(harness);
        return harness;
    }

    /** Gives this thread's stack back to the pool. */
    void release() {
        CdcHarness harness = leased.get();
        if (harness == null) {
            return;
        }
        leased.remove();
        synchronized (this) {
            idle.push(harness);
            notifyAll();
        }
    }
}
