package io.cdcharness.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An evidence folder as attachments for test reports: the small text parts one by one (summary, failure,
 * SQL, positions, connectors), and the whole folder, topics and logs included, as one zip.
 *
 * <pre>{@code
 * for (EvidenceFiles.Attachment a : EvidenceFiles.attachments(folder)) {
 *     scenario.attach(a.bytes(), a.mediaType(), a.name());   // Cucumber
 * }
 * EvidenceFiles.copy(folder, junitOutputDir);                // JUnit's publishDirectory
 * }</pre>
 */
public final class EvidenceFiles {
    /** Parts shown one by one, in this order, when they exist. */
    private static final List<String> SHOWN = List.of("summary.txt", "failure.txt", "sql.txt", "positions.json");

    private EvidenceFiles() {
    }

    /** One attachment: its bytes, media type and name. */
    public record Attachment(byte[] bytes, String mediaType, String name) {
    }

    public static List<Attachment> attachments(Path folder) {
        List<Attachment> attachments = new ArrayList<>();
        try {
            for (String name : SHOWN) {
                Path file = folder.resolve(name);
                if (Files.isRegularFile(file)) {
                    attachments.add(new Attachment(Files.readAllBytes(file), name.endsWith(".json") ? "application/json" : "text/plain",
                            "evidence: " + name));
                }
            }
            Path connectors = folder.resolve("connectors");
            if (Files.isDirectory(connectors)) {
                try (Stream<Path> files = Files.list(connectors)) {
                    for (Path file : files.sorted().toList()) {
                        attachments.add(new Attachment(Files.readAllBytes(file), "application/json", "evidence: connectors/" + file.getFileName()));
                    }
                }
            }
            attachments.add(new Attachment(zip(folder), "application/zip", "evidence: " + folder.getFileName() + ".zip (logs, topics, all)"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the evidence folder " + folder, e);
        }
        return attachments;
    }

    /** The folder as a zip, its files under the folder's name. */
    public static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.getFileName() + "/" + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Copies the folder's files into {@code target} (which exists). */
    public static void copy(Path folder, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path copy = target.resolve(folder.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
