package io.cdcharness.stack.embedded;

import io.cdcharness.stack.Settings;

import java.util.concurrent.locks.LockSupport;

/** Boots the embedded stack and waits forever: the subject of {@link CleanExitIT}, which kills it. */
public final class BootAndWait {
    private BootAndWait() {
    }

    public static void main(String[] args) {
        EmbeddedStack.start(Settings.load());
        System.out.println("BOOTED");
        while (true) {
            LockSupport.park();
        }
    }
}
