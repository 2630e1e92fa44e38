package io.cdcharness.stack;

import io.cdcharness.stack.embedded.EmbeddedStack;
import io.cdcharness.stack.external.ExternalStack;
import io.cdcharness.stack.warm.WarmStacks;

/**
 * Starts the stack the settings ask for.
 *
 * <pre>{@code
 * CdcStack stack = Stacks.start(Settings.load());          // cdc.stack=embedded by default: boots one
 * CdcStack shared = Stacks.startOrAttach(Settings.load()); // attaches to a warm stack of ./cdc-harness up when one fits
 * }</pre>
 */
public final class Stacks {
    private Stacks() {
    }

    /** A stack of its own for this run (or, for {@code cdc.stack=external}, the endpoints it names). */
    public static CdcStack start(Settings settings) {
        return switch (settings.stack()) {
            case EMBEDDED -> EmbeddedStack.start(settings);
            case CONTAINERS -> io.cdcharness.stack.containers.ContainersStack.start(settings);
            case EXTERNAL -> ExternalStack.connect(settings);
        };
    }

    /**
     * With {@code cdc.reuse=auto} (the default), the warm stack that {@code ./cdc-harness up} keeps
     * running when it is alive, free and runs these settings; otherwise a stack of its own. Either way
     * one line says which and why.
     */
    public static CdcStack startOrAttach(Settings settings) {
        String reuse = settings.get(Settings.Key.REUSE);
        if (settings.stack() == StackKind.EXTERNAL || "false".equalsIgnoreCase(reuse)) {
            return start(settings);
        }
        if (!"auto".equalsIgnoreCase(reuse)) {
            throw new IllegalArgumentException(Settings.Key.REUSE.property() + "=" + reuse + " is not known. Use auto (attach to a warm "
                    + "stack of ./cdc-harness up when one fits, the default) or false (always boot an own stack).");
        }
        WarmStacks.Attempt attempt = WarmStacks.attach(settings);
        if (attempt.stack().isPresent()) {
            HarnessLog.info(attempt.why());
            return attempt.stack().get();
        }
        HarnessLog.info("booting an own stack: " + attempt.why());
        return start(settings);
    }
}
