package io.cdcharness.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RecordArrivalsTest {

    @Test
    void anArrivalEndsTheWaitBeforeItsLimit() throws Exception {
        long mark = RecordArrivals.mark();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long began = System.nanoTime();
            waiting.countDown();
            try {
                RecordArrivals.awaitAfter(mark, Duration.ZERO, Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - began;
        });
        waiting.await();
        RecordArrivals.signal();
        // Without the arrival the wait would last its full minute.
        assertThat(waited.get(30, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void anArrivalBeforeTheMarkIsNotMissedAndDoesNotWait() throws Exception {
        long mark = RecordArrivals.mark();
        RecordArrivals.signal(); // arrives between the look and the wait
        long began = System.nanoTime();
        RecordArrivals.awaitAfter(mark, Duration.ZERO, Duration.ofSeconds(60));
        assertThat(System.nanoTime() - began).isLessThan(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void aCostlyLookIsPacedEvenWhenRecordsKeepArriving() throws Exception {
        long mark = RecordArrivals.mark();
        RecordArrivals.signal();
        long began = System.nanoTime();
        RecordArrivals.awaitAfter(mark, Duration.ofMillis(200), Duration.ofSeconds(60));
        assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    }

    @Test
    void withoutAnArrivalTheWaitEndsAtItsLimit() throws Exception {
        long mark = RecordArrivals.mark();
        long began = System.nanoTime();
        RecordArrivals.awaitAfter(mark, Duration.ZERO, Duration.ofMillis(50));
        assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    }
}
