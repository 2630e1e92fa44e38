package io.cdcharness.stack.maven;

import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Says what is being downloaded while the resolver fetches artifacts: a line when a large file
 * starts, its progress every few seconds, and a summary when a resolution ends.
 *
 * <pre>
 * [cdc-harness] downloading apicurio-registry-app-3.3.3-all.tar.gz (159.2 MB) from https://repo.maven.apache.org/maven2
 * [cdc-harness]   apicurio-registry-app-3.3.3-all.tar.gz: 61.0 of 159.2 MB (38 %), 20.3 MB/s
 * [cdc-harness] downloaded 42 files, 171.5 MB in 9.1 s
 * </pre>
 */
final class DownloadProgress extends AbstractTransferListener {
    private static final long LARGE = 2L * 1024 * 1024;
    private static final long EVERY_NANOS = 3_000_000_000L;

    private final Consumer<String> out;
    private final Map<TransferResource, long[]> running = new ConcurrentHashMap<>();
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long firstStart;

    DownloadProgress(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void transferStarted(TransferEvent event) {
        TransferResource resource = event.getResource();
        if (firstStart == 0) {
            firstStart = System.nanoTime();
        }
        running.put(resource, new long[]{System.nanoTime(), System.nanoTime()});
        if (resource.getContentLength() >= LARGE) {
            out.accept("downloading " + name(resource) + " (" + mb(resource.getContentLength()) + ") from " + resource.getRepositoryUrl());
        }
    }

    @Override
    public void transferProgressed(TransferEvent event) {
        TransferResource resource = event.getResource();
        long[] times = running.get(resource);
        if (times == null || resource.getContentLength() < LARGE || System.nanoTime() - times[1] < EVERY_NANOS) {
            return;
        }
        times[1] = System.nanoTime();
        long done = event.getTransferredBytes();
        double seconds = Math.max(0.001, (System.nanoTime() - times[0]) / 1e9);
        out.accept(String.format(Locale.ROOT, "  %s: %s of %s (%d %%), %.1f MB/s", name(resource), mb(done),
                mb(resource.getContentLength()), done * 100 / resource.getContentLength(), done / seconds / 1024 / 1024));
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        running.remove(event.getResource());
        if (!event.getResource().getResourceName().endsWith(".sha1") && event.getTransferredBytes() > 0) {
            files.incrementAndGet();
            bytes.addAndGet(event.getTransferredBytes());
        }
    }

    @Override
    public void transferFailed(TransferEvent event) {
        running.remove(event.getResource());
    }

    @Override
    public void transferCorrupted(TransferEvent event) {
        out.accept("checksum mismatch for " + name(event.getResource()) + ": downloading it again");
    }

    /** Prints the summary of what was downloaded since the last call, if anything was. */
    void finish() {
        int count = files.getAndSet(0);
        long total = bytes.getAndSet(0);
        long started = firstStart;
        firstStart = 0;
        if (count > 0 && total > 64 * 1024) {
            out.accept(String.format(Locale.ROOT, "downloaded %d files, %s in %.1f s", count, mb(total), (System.nanoTime() - started) / 1e9));
        }
    }

    private static String name(TransferResource resource) {
        String name = resource.getResourceName();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
