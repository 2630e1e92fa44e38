package io.cdcharness.stack.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A dead man's switch for the embedded stack. A small shell process reads the PIDs and directories
 * this JVM creates from a pipe; when the pipe closes because the JVM ended in any way, including
 * {@code kill -9}, it terminates those processes and deletes those directories. A clean shutdown
 * tells it to forget everything first, so it then exits doing nothing.
 */
final class Reaper implements AutoCloseable {
    private static final String SCRIPT = """
            trap '' INT TERM HUP
            pids=(); dirs=()
            while read -r kind value; do
              case "$kind" in
                pid) pids+=("$value") ;;
                dir) dirs+=("$value") ;;
                forget) pids=(); dirs=() ;;
              esac
            done
            [ ${#pids[@]} -eq 0 ] && [ ${#dirs[@]} -eq 0 ] && exit 0
            for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
            for i in $(seq 1 30); do
              alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
              [ $alive -eq 0 ] && break
              sleep 0.1
            done
            for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
            for d in "${dirs[@]}"; do rm -rf -- "$d"; done
            """;

    private final Process process;
    private final OutputStream pipe;

    private Reaper(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    static Reaper start() {
        try {
            Process process = new ProcessBuilder("bash", "-c", SCRIPT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Reaper(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the clean-up watcher (bash): " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    synchronized void watch(long pid) {
        send("pid " + pid);
    }

    synchronized void watch(Path directory) {
        send("dir " + directory.toAbsolutePath());
    }

    /** Everything was cleaned up by the JVM itself: the reaper exits without touching anything. */
    @Override
    public synchronized void close() {
        send("forget");
        try {
            pipe.close();
        } catch (IOException ignored) {
            // the reaper is gone already; nothing left to tell it
        }
    }

    private void send(String line) {
        try {
            pipe.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            pipe.flush();
        } catch (IOException ignored) {
            // the reaper died; the shutdown hook still cleans up on a normal exit
        }
    }
}
