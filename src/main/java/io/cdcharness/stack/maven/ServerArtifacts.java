package io.cdcharness.stack.maven;

import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.StackBootException;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.version.Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves server-side artifacts (Kafka, Connect, Debezium, database binaries, the schema registry)
 * with Maven Resolver as a library: no {@code mvn} on the PATH is needed, so Gradle and IDE users
 * get the same stack. Artifacts land in the local Maven repository ({@code ~/.m2/repository}, or
 * the {@code localRepository} of {@code ~/.m2/settings.xml}); a mirror of {@code central} in that
 * file is honoured. Resolved class paths are cached per set of coordinates, so a warm run does not
 * even start the resolver. Large downloads print their progress.
 *
 * <pre>{@code
 * ServerArtifacts maven = ServerArtifacts.forCache(settings.cacheDir(), settings.get(Settings.Key.MAVEN_REPOSITORY));
 * List<Path> classpath = maven.classpath("kafka", List.of("org.apache.kafka:kafka_2.13:4.1.1"), List.of());
 * List<String> versions = maven.versions("io.debezium", "debezium-connector-mysql");
 * }</pre>
 */
public final class ServerArtifacts {
    private static final Map<String, ServerArtifacts> INSTANCES = new ConcurrentHashMap<>();

    private final Path cacheDir;
    private final MavenSettings mavenSettings;
    private volatile Resolver resolver;

    private ServerArtifacts(Path cacheDir, MavenSettings mavenSettings) {
        this.cacheDir = cacheDir.resolve("maven");
        this.mavenSettings = mavenSettings;
    }

    /**
     * One instance per cache directory and repository.
     *
     * @param repositoryUrl the remote repository; empty: a mirror of central from {@code ~/.m2/settings.xml}, else Maven Central
     */
    public static ServerArtifacts forCache(Path cacheDir, String repositoryUrl) {
        return INSTANCES.computeIfAbsent(cacheDir + "|" + repositoryUrl,
                key -> new ServerArtifacts(cacheDir, MavenSettings.read(repositoryUrl)));
    }

    /** Where the artifacts come from, for messages: {@code https://repo.maven.apache.org/maven2 (Maven Central)}. */
    public String repositoryDescription() {
        return mavenSettings.describe();
    }

    /**
     * The runtime class path (jar files) of the given coordinates ({@code group:artifact:version}, or
     * {@code group:artifact:extension:classifier:version}), without the excluded {@code group:artifact}
     * ({@code group:*} for a whole group) anywhere in the tree.
     */
    public List<Path> classpath(String purpose, List<String> coordinates, List<String> exclusions) {
        Path work = workDir(purpose, concat(coordinates, exclusions));
        Path result = work.resolve("classpath.txt");
        List<Path> cached = readClasspath(result);
        if (cached != null) {
            return cached;
        }
        List<Path> resolved = resolveTree(purpose, coordinates, exclusions);
        writeClasspath(result, resolved);
        return resolved;
    }

    /** The file of one artifact, without its dependencies. */
    public Path artifact(String purpose, String coordinate) {
        Path work = workDir(purpose, List.of(coordinate, "single"));
        Path result = work.resolve("classpath.txt");
        List<Path> cached = readClasspath(result);
        if (cached != null && cached.size() == 1) {
            return cached.get(0);
        }
        Resolver r = resolver();
        try {
            ArtifactResult artifact = r.system.resolveArtifact(r.session,
                    new ArtifactRequest(new DefaultArtifact(coordinate), r.repositories, purpose));
            Path file = artifact.getArtifact().getFile().toPath();
            writeClasspath(result, List.of(file));
            return file;
        } catch (ArtifactResolutionException e) {
            throw failure(purpose, List.of(coordinate), e);
        } finally {
            r.progress.finish();
        }
    }

    /**
     * The versions of {@code group:artifact} the repository's metadata lists, oldest first. Empty when
     * the repository knows no such artifact; a repository that cannot be reached fails with what to check.
     */
    public List<String> versions(String groupId, String artifactId) {
        Resolver r = resolver();
        try {
            VersionRangeRequest request = new VersionRangeRequest(new DefaultArtifact(groupId + ":" + artifactId + ":[0,)"),
                    r.repositories, "versions");
            return r.system.resolveVersionRange(r.session, request).getVersions().stream().map(Version::toString).toList();
        } catch (VersionRangeResolutionException e) {
            throw new StackBootException("maven", "could not read the versions of " + groupId + ":" + artifactId + " from "
                    + describeRepository() + ": " + e.getMessage(), null, e);
        }
    }

    private List<Path> resolveTree(String purpose, List<String> coordinates, List<String> exclusions) {
        Resolver r = resolver();
        List<Exclusion> excluded = exclusions.stream().map(ServerArtifacts::exclusion).toList();
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME, false, excluded));
        }
        collect.setRepositories(r.repositories);
        collect.setRequestContext(purpose);
        try {
            List<ArtifactResult> results = r.system.resolveDependencies(r.session,
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults();
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : results) {
                Artifact artifact = result.getArtifact();
                if (artifact != null && artifact.getFile() != null && !isExcluded(artifact, exclusions)) {
                    files.add(artifact.getFile().toPath());
                }
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw failure(purpose, coordinates, e);
        } finally {
            r.progress.finish();
        }
    }

    private static boolean isExcluded(Artifact artifact, List<String> exclusions) {
        for (String exclusion : exclusions) {
            String[] parts = exclusion.split(":");
            boolean group = parts[0].equals("*") || parts[0].equals(artifact.getGroupId());
            boolean id = parts.length < 2 || parts[1].equals("*") || parts[1].equals(artifact.getArtifactId());
            if (group && id) {
                return true;
            }
        }
        return false;
    }

    private static Exclusion exclusion(String text) {
        String[] parts = text.split(":");
        return new Exclusion(parts[0], parts.length > 1 ? parts[1] : "*", "*", "*");
    }

    private StackBootException failure(String purpose, List<String> coordinates, Exception e) {
        String cause = Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getMessage());
        return new StackBootException(purpose, "Maven Resolver could not resolve " + String.join(", ", coordinates) + " from "
                + describeRepository() + ": " + cause + "\nThe artifacts go to " + mavenSettings.localRepository()
                + "; with no network, put them there first (or point cdc.maven.repository at a reachable mirror).", null, e);
    }

    private String describeRepository() {
        return mavenSettings.describe();
    }

    private Resolver resolver() {
        Resolver current = resolver;
        if (current == null) {
            synchronized (this) {
                if (resolver == null) {
                    resolver = new Resolver(mavenSettings);
                }
                current = resolver;
            }
        }
        return current;
    }

    /** One repository system and session, shared by the boot threads (the resolver is thread safe). */
    private static final class Resolver {
        final RepositorySystem system;
        final DefaultRepositorySystemSession session;
        final List<RemoteRepository> repositories;
        final DownloadProgress progress = new DownloadProgress(HarnessLog::info);

        Resolver(MavenSettings settings) {
            this.system = new RepositorySystemSupplier().get();
            this.session = MavenRepositorySystemUtils.newSession();
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                    new LocalRepository(settings.localRepository().toFile())));
            session.setTransferListener(progress);
            session.setOffline(settings.offline());
            Map<String, String> system = new java.util.HashMap<>();
            System.getProperties().forEach((key, value) -> system.put(String.valueOf(key), String.valueOf(value)));
            session.setSystemProperties(system);
            session.setConfigProperties(Map.of("aether.connector.requestTimeout", "120000"));
            this.repositories = List.of(new RemoteRepository.Builder(settings.repositoryId(), "default", settings.repositoryUrl()).build());
        }
    }

    private Path workDir(String purpose, List<String> coordinates) {
        String key = purpose.replaceAll("[^a-zA-Z0-9.-]", "_") + "-" + hash(String.join(",", coordinates));
        try {
            return Files.createDirectories(cacheDir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the harness cache directory " + cacheDir
                    + " (set cdc.cache.dir to a writable place): " + e.getMessage(), e);
        }
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        if (!b.isEmpty()) {
            all.add("exclude");
            all.addAll(b);
        }
        return all;
    }

    private static List<Path> readClasspath(Path file) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String text = Files.readString(file).trim();
            if (text.isEmpty()) {
                return null;
            }
            List<Path> jars = Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
            return jars.stream().allMatch(Files::isRegularFile) ? jars : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeClasspath(Path file, List<Path> jars) {
        try {
            Path staging = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
            Files.writeString(staging, String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList()));
            Files.move(staging, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
