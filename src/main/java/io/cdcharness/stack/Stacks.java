package io.cdcharness.stack;

import io.cdcharness.stack.embedded.EmbeddedStack;

/**
 * Starts the stack the settings ask for.
 *
 * <pre>{@code
 * CdcStack stack = Stacks.start(Settings.load()); // cdc.stack=embedded by default
 * }</pre>
 */
public final class Stacks {
    private Stacks() {
    }

    public static CdcStack start(Settings settings) {
        return switch (settings.stack()) {
            case EMBEDDED -> EmbeddedStack.start(settings);
            case CONTAINERS -> io.cdcharness.stack.containers.ContainersStack.start(settings);
            case EXTERNAL -> throw new UnsupportedOperationException(
                    "cdc.stack=external"
                            + " is not available in this version of cdc-harness yet. Use -Dcdc.stack=embedded (the default), which needs no Docker.");
        };
    }
}
