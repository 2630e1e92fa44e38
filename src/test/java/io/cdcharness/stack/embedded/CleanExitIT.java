package io.cdcharness.stack.embedded;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that boots the embedded stack is ended the hard way; nothing it started may survive:
 * no server process and no temporary directory.
 */
class CleanExitIT {
    private static final Pattern RUN_DIR = Pattern.compile("logs in (\\S+)\\)");

    @Test
    void killMinus9MidBootLeavesNothingBehind() throws Exception {
        assertNothingSurvives(true, "ready at");
    }

    @Test
    void ctrlCAfterBootLeavesNothingBehind() throws Exception {
        assertNothingSurvives(false, "BOOTED");
    }

    private void assertNothingSurvives(boolean kill9, String killWhenSeen) throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcdc.project.dir=" + Path.of("").toAbsolutePath(),
                "-Dcdc.database=" + System.getProperty("cdc.database", "mysql"),
                BootAndWait.class.getName())
                .redirectErrorStream(true).start();
        Path runDir = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher matcher = RUN_DIR.matcher(line);
                if (matcher.find()) {
                    runDir = Path.of(matcher.group(1));
                }
                if (line.contains(killWhenSeen) && runDir != null) {
                    break;
                }
            }
            assertThat(runDir).as("the booting JVM printed its run directory; output:\n%s", String.join("\n", output)).isNotNull();
            assertThat(Files.isDirectory(runDir)).isTrue();
            List<Long> servers = serversUnder(runDir);
            assertThat(servers).as("server processes under %s", runDir).isNotEmpty();

            if (kill9) {
                jvm.destroyForcibly();  // SIGKILL: no shutdown hook runs; the reaper must clean up
            } else {
                jvm.destroy();          // SIGTERM, as Ctrl-C in a terminal: the shutdown hook cleans up
            }
            jvm.waitFor(30, TimeUnit.SECONDS);

            Path dir = runDir;
            Awaitility.await("servers and run directory of " + dir + " to be gone")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        assertThat(serversUnder(dir)).as("server processes still running from " + dir).isEmpty();
                        assertThat(Files.exists(dir)).as(dir + " still exists").isFalse();
                    });
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** Processes whose command line names the run directory: the database, Kafka and Connect. */
    private static List<Long> serversUnder(Path runDir) throws IOException {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(runDir.toString())).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }
}
