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
            case CONTAINERS, EXTERNAL -> throw new UnsupportedOperationException(
                    "cdc.stack=" + settings.stack().name().toLowerCase(java.util.Locale.ROOT)
                            + " is not available in this version of cdc-harness yet. Use -Dcdc.stack=embedded (the default), which needs no Docker.");
        };
    }
}
