package io.cdcharness.junit;

import io.cdcharness.CdcHarness;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.kafka.TopicRecorder;
import io.cdcharness.sql.Database;
import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

import java.util.Map;
import java.util.Optional;

/**
 * The JUnit 5 side of {@link CdcTest}: boots or reuses the stack, makes the clean slate, registers
 * the connector, and injects the DSL entry points; records each test for the CDC report and keeps the
 * evidence of a failed one ({@link JUnitEvidence}). Thin by design: the work is in {@link CdcHarness}.
 */
public final class CdcExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, AfterTestExecutionCallback, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CdcExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        CdcTest config = config(context);
        if (CdcHarness.poolSize() > 1 && usesTheSharedSettings(settings(config))) {
            CdcHarness.leaseScenarioStack(); // a stack of the pool for this class's tests, which StackLocks keeps one at a time
        }
        CdcHarness harness = harness(context, config);
        if (config.isolation() == CdcTest.Isolation.PER_CLASS) {
            prepare(context, harness, config);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CdcTest config = config(context);
        if (config.isolation() == CdcTest.Isolation.PER_METHOD) {
            prepare(context, harness(context, config), config);
        } else {
            JUnitEvidence.begin(context, harness(context, config));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CdcHarness.releaseScenarioStack();
    }

    // Evidence: a failed test keeps reports/evidence/<test>/, published with JUnit's file publishing.

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw JUnitEvidence.note(context, failure);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        context.getExecutionException().ifPresent(failure -> JUnitEvidence.end(context, failure)); // before @AfterEach changes anything
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        JUnitEvidence.end(context, null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        JUnitEvidence.end(context, cause); // a failure outside the test method (@BeforeEach, @AfterEach)
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        JUnitEvidence.end(context, cause);
    }

    private static void prepare(ExtensionContext context, CdcHarness harness, CdcTest config) {
        harness.reset();
        JUnitEvidence.begin(context, harness);
        if (!config.sql().isEmpty()) {
            harness.executeSqlFixture(config.sql());
        }
        ExtensionContext classContext = classContext(context);
        classContext.getStore(NAMESPACE).remove(CdcHarness.Connector.class);
        if (!config.connector().isEmpty()) {
            classContext.getStore(NAMESPACE).put(CdcHarness.Connector.class, harness.register(config.connector()));
        }
    }

    private static CdcHarness harness(ExtensionContext context, CdcTest config) {
        Settings settings = settings(config);
        boolean sameStack = usesTheSharedSettings(settings);
        String key = "harness:" + settings.stack() + ":" + settings.database();
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        Object failure = root.get(key + ":failure");
        if (failure instanceof RuntimeException earlier) {
            throw unavailable(config, settings, earlier);
        }
        try {
            CdcHarness harness = sameStack ? CdcHarness.shared()
                    : root.getOrComputeIfAbsent(key, ignored -> new ClosingHarness(CdcHarness.start(settings)), ClosingHarness.class).harness();
            return config.timeout().isEmpty() ? harness : harness.withTimeout(settings.timeout());
        } catch (RuntimeException e) {
            root.put(key + ":failure", e);
            throw unavailable(config, settings, e);
        }
    }

    private static boolean usesTheSharedSettings(Settings settings) {
        Settings shared = Settings.load();
        return settings.stack() == shared.stack() && settings.database() == shared.database();
    }

    private static RuntimeException unavailable(CdcTest config, Settings settings, RuntimeException cause) {
        String message = "The CDC stack (cdc.stack=" + settings.stack().name().toLowerCase() + ", cdc.database="
                + settings.database().name().toLowerCase() + ") could not start, so this test cannot run: " + cause.getMessage();
        if (config.whenUnavailable() == CdcTest.WhenUnavailable.SKIP) {
            return new TestAbortedException(message + "\n(skipped because @CdcTest(whenUnavailable = SKIP))", cause);
        }
        return new IllegalStateException(message + "\n(use @CdcTest(whenUnavailable = SKIP) to skip instead of failing)", cause);
    }

    private static Settings settings(CdcTest config) {
        Settings settings = Settings.load();
        for (Map.Entry<String, String> entry : Map.of(
                "cdc.stack", config.stack(), "cdc.database", config.database(), "cdc.timeout", config.timeout()).entrySet()) {
            if (!entry.getValue().isEmpty()) {
                settings = settings.with(entry.getKey(), entry.getValue());
            }
        }
        return settings;
    }

    private static CdcTest config(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        Optional<CdcTest> found = AnnotationSupport.findAnnotation(type, CdcTest.class);
        while (found.isEmpty() && type.getEnclosingClass() != null) { // @Nested classes take their outer class's settings
            type = type.getEnclosingClass();
            found = AnnotationSupport.findAnnotation(type, CdcTest.class);
        }
        return found.orElseThrow(() -> new IllegalStateException("CdcExtension needs @CdcTest on " + context.getRequiredTestClass().getName()
                        + "; annotate the class with @CdcTest instead of @ExtendWith(CdcExtension.class)."));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CdcHarness.class || type == Database.class || type == ConnectClient.class || type == CdcStack.class
                || type == TopicRecorder.class || type == CdcHarness.Connector.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        CdcHarness harness = harness(context, config(context));
        Class<?> type = parameter.getParameter().getType();
        if (type == CdcHarness.class) {
            return harness;
        }
        if (type == Database.class) {
            return harness.database();
        }
        if (type == ConnectClient.class) {
            return harness.connect();
        }
        if (type == CdcStack.class) {
            return harness.stack();
        }
        if (type == TopicRecorder.class) {
            return harness.recorder();
        }
        return Optional.ofNullable(classContext(context).getStore(NAMESPACE).get(CdcHarness.Connector.class, CdcHarness.Connector.class))
                .orElseThrow(() -> new ParameterResolutionException("A CdcHarness.Connector parameter needs a connector: "
                        + "set @CdcTest(connector = \"connectors/<fixture>.json\") on " + context.getRequiredTestClass().getSimpleName() + "."));
    }

    /** Closes a harness the extension started itself when the test run ends (JUnit closes AutoCloseable values of the store). */
    private record ClosingHarness(CdcHarness harness) implements AutoCloseable {
        @Override
        public void close() {
            harness.close();
        }
    }
}
