package io.cdcharness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium for tests: found on the PATH ({@code chromium}, {@code chromium-browser},
 * {@code google-chrome}) or at {@code -Dbrowser=/path}, and installed from Debian
 * ({@code apt-get install -y chromium}) when missing and the test runs as root or with password-less sudo.
 * When it can be neither found nor installed, the failure says so and how to install it.
 *
 * <pre>{@code
 * Chromium chromium = Chromium.findOrInstall(Path.of("target/chromium-install.log"));
 * String dom = chromium.dumpDom(Path.of("reports/index.html"));
 * chromium.screenshot(Path.of("reports/index.html"), Path.of("reports/index.png"), 1400, 2200);
 * }</pre>
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    /** Flags every headless run needs here (see FACTS.md): no sandbox as root, no GPU, and time for scripts to run. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--virtual-time-budget=8000");

    private final Path executable;
    private final String installedNote;

    private Chromium(Path executable, String installedNote) {
        this.executable = executable;
        this.installedNote = installedNote;
    }

    Path executable() {
        return executable;
    }

    /** How it was found: "found at ..." or "installed with apt-get in 33 s". */
    String note() {
        return installedNote;
    }

    static Chromium findOrInstall(Path installLog) {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return new Chromium(found.get(), "found at " + found.get());
        }
        Instant began = Instant.now();
        String how = install(installLog);
        Path installed = find().orElseThrow(() -> new IllegalStateException("Chromium is not installed, and installing it did not work ("
                + how + "; see " + installLog.toAbsolutePath() + "). Install it with: sudo apt-get install -y chromium, "
                + "or name a Chrome or Chromium executable with -Dbrowser=/path/to/chrome."));
        return new Chromium(installed, "installed with " + how + " in " + Duration.between(began, Instant.now()).toSeconds() + " s");
    }

    private static Optional<Path> find() {
        String configured = System.getProperty("browser");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("-Dbrowser=" + configured + " is not an executable file.");
            }
            return Optional.of(path);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Installs Debian's chromium; returns how, or why not. */
    private static String install(Path log) {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> prefix = root ? List.of() : List.of("sudo", "-n");
        if (!root && run(List.of("sudo", "-n", "true"), log, Duration.ofSeconds(10)) != 0) {
            return "not root, and sudo asks for a password";
        }
        if (run(List.of("sh", "-c", "command -v apt-get"), log, Duration.ofSeconds(10)) != 0) {
            return "no apt-get on this machine";
        }
        List<String> install = new ArrayList<>(prefix);
        install.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"));
        if (run(install, log, Duration.ofMinutes(10)) == 0) {
            return "apt-get install chromium";
        }
        List<String> update = new ArrayList<>(prefix);
        update.addAll(List.of("apt-get", "update", "-q"));
        run(update, log, Duration.ofMinutes(5));
        return run(install, log, Duration.ofMinutes(10)) == 0 ? "apt-get update and install chromium" : "apt-get install chromium failed";
    }

    private static int run(List<String> command, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The page's DOM once its scripts ran. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--dump-dom", page.toUri().toString()));
        Path out = Files.createTempFile("cdc-harness-dom-", ".html");
        try {
            exec(command, out, "dump the DOM of " + page);
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A PNG screenshot of the page at the given window size. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
        Path out = Files.createTempFile("cdc-harness-screenshot-", ".log");
        try {
            exec(command, out, "take a screenshot of " + page);
        } finally {
            Files.deleteIfExists(out);
        }
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png);
        }
    }

    private void exec(List<String> given, Path stdout, String what) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("cdc-harness-chromium-", ".err");
        Path profile = Files.createTempDirectory("cdc-harness-chromium-profile-");
        List<String> command = new ArrayList<>(given);
        command.add(1, "--user-data-dir=" + profile);
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("Chromium did not " + what + " within 90 s: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium could not " + what + " (exit " + process.exitValue() + "): "
                        + String.join(" ", command) + "\n" + Files.readString(stderr));
            }
        } finally {
            Files.deleteIfExists(stderr);
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
