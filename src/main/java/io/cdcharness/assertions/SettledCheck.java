package io.cdcharness.assertions;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * The loop every check runs: look; pass early where the check allows it; otherwise settle the
 * pipeline ({@link Settling}) and judge once more; fail at once when the look can no longer pass or
 * when it still fails after settling. The look runs after the settling state is taken, so a settled
 * look sees everything the pipeline wrote before the marker.
 */
final class SettledCheck {
    /** How long a check that can pass early polls before it starts settling (most events arrive within it). */
    private static final long GRACE_NANOS = 50_000_000L;

    private SettledCheck() {
    }

    /**
     * @param passesEarly true for checks a later record cannot undo (an event that matches);
     *                    false for exact, counted, ordered and negative checks
     * @param read        the topics the look reads, which settling reads to their end offsets
     */
    static <T> T run(CheckContext context, String expectation, boolean passesEarly, Collection<String> read, Supplier<Judgement<T>> look) {
        long started = System.nanoTime();
        Settling.Progress[] progress = {passesEarly ? null : context.settling().begin()};
        return context.eventually().until(expectation, () -> {
            Settling.State state = progress[0] == null ? null : progress[0].check(read);
            if (state != null && state.failure().isPresent()) {
                return Eventually.Attempt.finalFailure(state.failure().get(), "");
            }
            boolean settled = state != null && state.settled();
            Judgement<T> judgement = look.get();
            if (judgement.passed() && (passesEarly || settled)) {
                return Eventually.Attempt.success(judgement.value());
            }
            if (judgement.never()) {
                return Eventually.Attempt.finalFailure(judgement.problem(), judgement.evidence() + context.blindNote());
            }
            if (settled) {
                return Eventually.Attempt.finalFailure(judgement.problem() + " once the pipeline had caught up with the binlog ("
                        + state.description() + ")", judgement.evidence() + context.blindNote());
            }
            if (progress[0] == null && System.nanoTime() - started > GRACE_NANOS) {
                progress[0] = context.settling().begin();
            }
            return Eventually.Attempt.failure(judgement.evidence() + (state == null ? "" : "\n(" + state.description() + ")"));
        });
    }
}
