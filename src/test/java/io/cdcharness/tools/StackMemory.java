package io.cdcharness.tools;

import io.cdcharness.stack.StackKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory of a running stack: on the embedded stack the VmRSS of every process this JVM started
 * (the database server, the Kafka and Connect JVMs, the watcher), on the containers stack what
 * {@code docker stats} says of the containers labelled with this JVM's pid; and, apart, this JVM itself.
 */
final class StackMemory {
    /** The label every container of a containers stack carries (see {@code ContainersStack}). */
    private static final String OWNER_LABEL = "io.cdcharness.owner-pid";
    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);
    private static final Pattern DOCKER_MEMORY = Pattern.compile("^([0-9.]+)\\s*([KMGT]?i?B)$", Pattern.CASE_INSENSITIVE);

    /** Bytes: the stack's services (-1 when they could not be read), this JVM, and one line per part. */
    record Rss(long servicesBytes, long harnessBytes, List<String> parts) {
    }

    private StackMemory() {
    }

    static Rss measure(StackKind stack) {
        List<String> parts = new ArrayList<>();
        long services = stack == StackKind.CONTAINERS ? containers(parts) : descendants(parts);
        long harness = vmRss(ProcessHandle.current()).orElse(-1L);
        return new Rss(services, harness, parts);
    }

    /** The sum over every descendant process of this JVM, noting each. */
    private static long descendants(List<String> parts) {
        long sum = 0;
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            Optional<Long> rss = vmRss(process);
            if (rss.isPresent()) {
                sum += rss.get();
                parts.add(String.format(Locale.ROOT, "pid %d %s: %s", process.pid(), shortName(process), megabytes(rss.get())));
            }
        }
        return sum;
    }

    private static Optional<Long> vmRss(ProcessHandle process) {
        try {
            Matcher matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1)) * 1024) : Optional.empty();
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** What a process is, in a few words: the executable, and a JVM's main class. */
    private static String shortName(ProcessHandle process) {
        String command = process.info().command().map(path -> Path.of(path).getFileName().toString()).orElse("?");
        List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
        return arguments.stream().filter(argument -> argument.matches("([a-z]+\\.)+[A-Z][A-Za-z]+")).reduce((first, last) -> last)
                .map(main -> command + " " + main).orElse(command);
    }

    /** The sum over the containers labelled with this JVM's pid, from {@code docker stats --no-stream}. */
    private static long containers(List<String> parts) {
        List<String> ids = docker("ps", "-q", "--filter", "label=" + OWNER_LABEL + "=" + ProcessHandle.current().pid());
        if (ids.isEmpty()) {
            parts.add("no container labelled " + OWNER_LABEL + "=" + ProcessHandle.current().pid());
            return -1;
        }
        List<String> stats = new ArrayList<>(List.of("stats", "--no-stream", "--format", "{{.Name}}\t{{.MemUsage}}"));
        stats.addAll(ids);
        long sum = 0;
        for (String line : docker(stats.toArray(String[]::new))) {
            String[] nameAndUsage = line.split("\t", 2);
            long bytes = nameAndUsage.length == 2 ? dockerBytes(nameAndUsage[1].split("/")[0].trim()) : -1;
            if (bytes >= 0) {
                sum += bytes;
                parts.add("container " + nameAndUsage[0] + ": " + megabytes(bytes));
            }
        }
        return sum;
    }

    /** {@code 512.3MiB}, {@code 1.2GiB}, {@code 800kB} to bytes; -1 when unreadable. */
    static long dockerBytes(String usage) {
        Matcher matcher = DOCKER_MEMORY.matcher(usage.trim());
        if (!matcher.matches()) {
            return -1;
        }
        String unit = matcher.group(2).toUpperCase(Locale.ROOT);
        double base = unit.contains("I") ? 1024 : 1000;
        int power = switch (unit.charAt(0)) {
            case 'K' -> 1;
            case 'M' -> 2;
            case 'G' -> 3;
            case 'T' -> 4;
            default -> 0;
        };
        return Math.round(Double.parseDouble(matcher.group(1)) * Math.pow(base, power));
    }

    private static List<String> docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            process.waitFor(1, TimeUnit.MINUTES);
            return output.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
    }
}
