package io.cdcharness.stack.containers;

import org.testcontainers.containers.output.OutputFrame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/** Appends a container's output to a log file, so that failures can show its tail. */
final class FileLogConsumer implements Consumer<OutputFrame> {
    private final Path file;

    FileLogConsumer(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void accept(OutputFrame frame) {
        String text = frame.getUtf8String();
        if (text == null || text.isEmpty()) {
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log directory is gone: the stack is closing
        }
    }
}
