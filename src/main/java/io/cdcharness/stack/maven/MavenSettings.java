package io.cdcharness.stack.maven;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the harness takes from the user's Maven setup without Maven itself: the local repository
 * ({@code -Dmaven.repo.local}, else {@code localRepository} of {@code ~/.m2/settings.xml}, else
 * {@code ~/.m2/repository}), {@code offline}, and a mirror of {@code central} (mirrorOf {@code *},
 * {@code central} or {@code external:*}). {@code cdc.maven.repository} wins over the mirror.
 */
record MavenSettings(Path localRepository, String repositoryId, String repositoryUrl, boolean offline, String source) {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    static MavenSettings read(String configuredUrl) {
        Path home = Path.of(System.getProperty("user.home"));
        Path settingsFile = home.resolve(".m2/settings.xml");
        Path local = home.resolve(".m2/repository");
        String id = "central";
        String url = CENTRAL;
        String source = "Maven Central";
        boolean offline = false;
        if (Files.isRegularFile(settingsFile)) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(false);
                Document document = factory.newDocumentBuilder().parse(settingsFile.toFile());
                String localRepository = text(document.getDocumentElement(), "localRepository");
                if (!localRepository.isEmpty()) {
                    local = Path.of(localRepository.replace("${user.home}", home.toString()));
                }
                offline = Boolean.parseBoolean(text(document.getDocumentElement(), "offline"));
                NodeList mirrors = document.getElementsByTagName("mirror");
                for (int i = 0; i < mirrors.getLength(); i++) {
                    Element mirror = (Element) mirrors.item(i);
                    boolean ofCentral = Arrays.stream(text(mirror, "mirrorOf").split(","))
                            .map(String::trim).anyMatch(of -> of.equals("*") || of.equals("central") || of.equals("external:*"));
                    if (ofCentral && !text(mirror, "url").isEmpty()) {
                        id = text(mirror, "id").isEmpty() ? "mirror" : text(mirror, "id");
                        url = text(mirror, "url");
                        source = "mirror \"" + id + "\" of " + settingsFile;
                        break;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not read " + settingsFile + " (for the local repository and mirrors): "
                        + e.getMessage() + ". Fix the file or move it away.", e);
            }
        }
        String fromProperty = System.getProperty("maven.repo.local");
        if (fromProperty != null && !fromProperty.isBlank()) {
            local = Path.of(fromProperty);
        }
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            id = "cdc-harness";
            url = configuredUrl.trim();
            source = "cdc.maven.repository";
        }
        return new MavenSettings(local.toAbsolutePath(), id, url, offline, source);
    }

    String describe() {
        return repositoryUrl + " (" + source + (offline ? ", offline in settings.xml" : "") + ")";
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
