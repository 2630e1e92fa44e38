package io.cdcharness.assertions;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * The loop every check runs: look; pass early where the check allows it; otherwise settle the
 * pipeline ({@link Settling}) and judge once more; fail when the look can no longer pass or when it
 * still fails after settling. The look runs after the settling state is taken, so a settled look
 * sees everything the pipeline wrote before the marker.
 *
 * <p>A look that can no longer pass (records already there contradict it) still lets the pipeline
 * settle, for at most {@value #NEVER_WAIT_MILLIS} ms, so that the failure shows the topic whole (the
 * swapped record that follows, the second copy of a duplicate), not the first moment it went wrong.
 */
final class SettledCheck {
    /** How long a check that can pass early polls before it starts settling (most events arrive within it). */
    private static final long GRACE_NANOS = 50_000_000L;
    private static final long NEVER_WAIT_MILLIS = 2000;

    private SettledCheck() {
    }

    /**
     * @param passesEarly true for checks a later record cannot undo (an event that matches);
     *                    false for exact, counted, ordered and negative checks
     * @param read        the topics the look reads, which settling reads to their end offsets
     */
    static <T> T run(CheckContext context, String expectation, boolean passesEarly, Collection<String> read, Supplier<Judgement<T>> look) {
        long started = System.nanoTime();
        long[] neverSince = {0};
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
                neverSince[0] = neverSince[0] == 0 ? System.nanoTime() : neverSince[0];
                if (settled || System.nanoTime() - neverSince[0] > NEVER_WAIT_MILLIS * 1_000_000L) {
                    Judgement<T> last = lookAgain(context, look, judgement);
                    return Eventually.Attempt.finalFailure(last.problem() + (settled ? settledSuffix(state) : ""), last.evidence() + context.blindNote());
                }
            } else if (settled) {
                Judgement<T> last = lookAgain(context, look, judgement);
                return Eventually.Attempt.finalFailure(last.problem() + settledSuffix(state), last.evidence() + context.blindNote());
            }
            if (progress[0] == null && (judgement.never() || System.nanoTime() - started > GRACE_NANOS)) {
                progress[0] = context.settling().begin();
            }
            return Eventually.Attempt.failure(judgement.evidence() + (state == null ? "" : "\n(" + state.description() + ")"));
        });
    }

    private static String settledSuffix(Settling.State state) {
        return " once the pipeline had caught up with the binlog (" + state.description() + ")";
    }

    /**
     * A failed look, looked at once more after every topic is read to its end, so that the failure can
     * name records on other topics and shows the topic as it now is (problem and evidence from one look).
     */
    private static <T> Judgement<T> lookAgain(CheckContext context, Supplier<Judgement<T>> look, Judgement<T> failed) {
        context.catchUp().run();
        Judgement<T> again = look.get();
        return again.passed() ? failed : again;
    }
}
