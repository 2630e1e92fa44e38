package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes sure a server binary finds the OS libraries it links against. Missing ones are fetched as
 * Debian packages into the harness cache (no root needed) and put on {@code LD_LIBRARY_PATH}; as
 * root without a package cache, the package is installed instead. When neither works, the error
 * names the package and the command that installs it.
 */
final class SharedLibraries {
    /** Debian packages that provide the libraries the bundled servers need. */
    private static final Map<String, String> PACKAGES = Map.of(
            "libaio.so.1", "libaio1",
            "libnuma.so.1", "libnuma1");

    private final Path cacheDir;

    SharedLibraries(Path cacheDir) {
        this.cacheDir = cacheDir.resolve("native");
    }

    /** Returns the extra {@code LD_LIBRARY_PATH} entries the binary needs (empty when the OS has everything). */
    List<Path> provideFor(String service, Path binary, Path log) {
        List<String> missing = missingLibraries(binary, List.of());
        if (missing.isEmpty()) {
            return List.of();
        }
        List<Path> extraPaths = new ArrayList<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (String library : missing) {
            String debianPackage = PACKAGES.get(library);
            if (debianPackage == null) {
                unresolved.put(library, null);
                continue;
            }
            Optional<Path> fromCache = unpackedPackage(debianPackage, library);
            if (fromCache.isPresent()) {
                extraPaths.add(fromCache.get());
            } else if (!installAsRoot(debianPackage, log)) {
                unresolved.put(library, debianPackage);
            }
        }
        List<String> stillMissing = missingLibraries(binary, extraPaths);
        if (!stillMissing.isEmpty()) {
            StringBuilder reason = new StringBuilder(binary.getFileName() + " needs OS libraries that are missing: ")
                    .append(String.join(", ", stillMissing)).append('.');
            for (String library : stillMissing) {
                String debianPackage = PACKAGES.getOrDefault(library, unresolved.get(library));
                if (debianPackage != null) {
                    reason.append(" Install ").append(library).append(" with: sudo apt-get install -y ").append(debianPackage)
                            .append(" (on Debian 13 / Ubuntu 24.04 the package is named ").append(debianPackage).append("t64).");
                }
            }
            throw new StackBootException(service, reason.toString(), log);
        }
        return extraPaths;
    }

    private static List<String> missingLibraries(Path binary, List<Path> extraPaths) {
        try {
            ProcessBuilder builder = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true);
            if (!extraPaths.isEmpty()) {
                builder.environment().put("LD_LIBRARY_PATH", libraryPath(extraPaths));
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output.lines()
                    .filter(line -> line.contains("=> not found"))
                    .map(line -> line.trim().split("\\s+")[0])
                    .toList();
        } catch (IOException e) {
            return List.of(); // no ldd: let the server itself report what is missing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static String libraryPath(List<Path> extraPaths) {
        List<String> parts = new ArrayList<>(extraPaths.stream().map(Path::toString).toList());
        String existing = System.getenv("LD_LIBRARY_PATH");
        if (existing != null && !existing.isBlank()) {
            parts.add(existing);
        }
        return String.join(":", parts);
    }

    /** {@code apt-get download} the package and unpack it into the cache; works without root. */
    private Optional<Path> unpackedPackage(String debianPackage, String library) {
        Path target = cacheDir.resolve(debianPackage);
        Optional<Path> existing = findLibraryDir(target, library);
        if (existing.isPresent()) {
            return existing;
        }
        try {
            Path staging = Files.createDirectories(cacheDir.resolve(debianPackage + ".download-" + ProcessHandle.current().pid()));
            if (run(staging, "apt-get", "download", debianPackage) != 0) {
                RunDirectory.deleteTree(staging);
                return Optional.empty();
            }
            Path deb;
            try (Stream<Path> files = Files.list(staging)) {
                deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElse(null);
            }
            if (deb == null || run(staging, "dpkg-deb", "-x", deb.toString(), target.toString()) != 0) {
                RunDirectory.deleteTree(staging);
                return Optional.empty();
            }
            RunDirectory.deleteTree(staging);
            return findLibraryDir(target, library);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> findLibraryDir(Path root, String library) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(library)).map(Path::getParent).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean installAsRoot(String debianPackage, Path log) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        Path dir = log.getParent();
        if (run(dir, "apt-get", "install", "-y", "-q", debianPackage) == 0) {
            return true;
        }
        return run(dir, "apt-get", "update", "-q") == 0 && run(dir, "apt-get", "install", "-y", "-q", debianPackage) == 0;
    }

    private static int run(Path dir, String... command) {
        return io.cdcharness.stack.Commands.exitCode(java.time.Duration.ofMinutes(5), dir, Map.of("DEBIAN_FRONTEND", "noninteractive"), command);
    }
}
