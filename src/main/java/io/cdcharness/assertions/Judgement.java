package io.cdcharness.assertions;

/**
 * What one look at a topic concludes: it passes (with the value a check returns), it does not pass
 * yet (more records may still change that), or it can never pass (the records already there decide it).
 *
 * @param problem  completes "Expected ..., but {problem}"
 * @param evidence what was seen, for the failure message
 */
record Judgement<T>(Verdict verdict, T value, String problem, String evidence) {
    enum Verdict { PASS, NOT_YET, NEVER }

    static <T> Judgement<T> pass(T value) {
        return new Judgement<>(Verdict.PASS, value, "", "");
    }

    static <T> Judgement<T> notYet(String problem, String evidence) {
        return new Judgement<>(Verdict.NOT_YET, null, problem, evidence);
    }

    static <T> Judgement<T> never(String problem, String evidence) {
        return new Judgement<>(Verdict.NEVER, null, problem, evidence);
    }

    boolean passed() {
        return verdict == Verdict.PASS;
    }

    boolean never() {
        return verdict == Verdict.NEVER;
    }
}
