package io.cdcharness.cucumber;

import io.cucumber.java.Scenario;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The error of a failed scenario, for its evidence. Cucumber's {@code Scenario} does not offer it, but
 * the state behind it holds it; reading it is best effort (empty when a Cucumber version hides it),
 * and the failure stays in Cucumber's own report either way.
 */
final class CucumberErrors {
    private CucumberErrors() {
    }

    static Optional<Throwable> of(Scenario scenario) {
        try {
            Field delegate = Scenario.class.getDeclaredField("delegate");
            delegate.setAccessible(true);
            Object state = delegate.get(scenario);
            Method getError = state.getClass().getDeclaredMethod("getError");
            getError.setAccessible(true);
            return Optional.ofNullable((Throwable) getError.invoke(state));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
