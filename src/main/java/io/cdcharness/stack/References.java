package io.cdcharness.stack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} and {@code ${sys:name}} in connector config values, replaced by an environment
 * variable or a JVM system property before the config reaches Connect, in fixtures and in the override
 * tables of steps alike. Secrets can then stay out of files: Cucumber's own reports show a feature as it
 * is written, so a password written into a feature file shows there, while {@code ${env:SHOP_DB_PASSWORD}}
 * does not. The same syntax as Kafka's {@code EnvVarConfigProvider}; other providers' references
 * ({@code ${file:...}}, {@code ${vault:...}}) are left for the Connect worker.
 *
 * <pre>{@code
 * | database.password | ${env:SHOP_DB_PASSWORD} |
 * "sasl.jaas.config": "... password=\"${sys:kafka.password}\";"
 * }</pre>
 */
public final class References {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|sys):([^}]+)}");

    private References() {
    }

    /** The value with every {@code ${env:..}} and {@code ${sys:..}} replaced; fails naming the key when one is not set. */
    public static String resolve(String key, String value, String source) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            boolean environment = matcher.group(1).equals("env");
            String resolved = environment ? System.getenv(name) : System.getProperty(name);
            if (resolved == null) {
                throw new IllegalArgumentException("The connector config key " + key + " (in " + source + ") refers to "
                        + (environment ? "the environment variable " + name : "the system property " + name) + " with "
                        + matcher.group() + ", but it is not set. Set it (" + (environment ? "export " + name + "=..." : "-D" + name + "=...")
                        + "), or write the value itself.");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
