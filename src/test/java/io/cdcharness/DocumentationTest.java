package io.cdcharness;

import io.cdcharness.stack.Settings;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's settings table and docs/steps.md are user interface: they must list everything there is. */
class DocumentationTest {

    @Test
    void theReadmeListsEverySetting() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Settings.Key key : Settings.Key.values()) {
            assertThat(readme).as("README.md settings table").contains("| `" + key.property() + "` |");
        }
    }

    @Test
    void theStepLibraryDocumentsEveryStep() throws IOException {
        String steps = Files.readString(Path.of("docs/steps.md"));
        for (String expression : stepExpressions()) {
            assertThat(steps).as("docs/steps.md lists the step").contains("`" + expression + "`");
        }
    }

    static List<String> stepExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        Path glue = Path.of("src/main/java/io/cdcharness/cucumber");
        try (Stream<Path> files = Files.list(glue)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = "io.cdcharness.cucumber." + file.getFileName().toString().replace(".java", "");
                try {
                    for (Method method : Class.forName(name).getDeclaredMethods()) {
                        Given given = method.getAnnotation(Given.class);
                        When when = method.getAnnotation(When.class);
                        Then then = method.getAnnotation(Then.class);
                        if (given != null) expressions.add(given.value());
                        if (when != null) expressions.add(when.value());
                        if (then != null) expressions.add(then.value());
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(expressions).isNotEmpty();
        return expressions;
    }
}
