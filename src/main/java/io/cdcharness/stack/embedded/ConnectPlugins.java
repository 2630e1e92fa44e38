package io.cdcharness.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code plugin.path} entry for the worker holding exactly the plugins this run needs, as
 * symbolic links into the cache: the cache keeps every connector once, the worker sees only its own.
 */
final class ConnectPlugins {
    private ConnectPlugins() {
    }

    static Path linked(Path root, List<Path> pluginDirectories) {
        try {
            Files.createDirectories(root);
            for (Path plugin : pluginDirectories) {
                Path link = root.resolve(plugin.getFileName());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, plugin.toAbsolutePath());
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not link the Connect plugins into " + root + ": " + e.getMessage(), e);
        }
    }
}
