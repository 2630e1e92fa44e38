package io.cdcharness.assertions;

import io.cdcharness.kafka.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of the schema registry: a subject's versions, what a version added or removed, and whether
 * one version is BACKWARD, FORWARD or FULL compatible with another, judged with Avro's own schema
 * resolution rules ({@link SchemaCompatibility}), the rules a registry applies.
 *
 * <pre>{@code
 * cdc.schemaRegistry().hasVersions("avro.shop.customer-value", 2);
 * cdc.schemaRegistry().isCompatible("avro.shop.customer-value", 2, 1, "BACKWARD");
 * }</pre>
 */
public final class RegistryAssert {
    private final SchemaRegistryClient registry;
    private final Eventually eventually;

    public RegistryAssert(SchemaRegistryClient registry, Eventually eventually) {
        this.registry = registry;
        this.eventually = eventually;
    }

    public SchemaRegistryClient client() {
        return registry;
    }

    /** Waits until the subject has exactly this many versions (fails at once when it has more). */
    public List<Integer> hasVersions(String subject, int count) {
        return eventually.until("subject \"" + subject + "\" to have " + count + (count == 1 ? " version" : " versions"), () -> {
            List<String> subjects = registry.subjects();
            if (!subjects.contains(subject)) {
                return Eventually.Attempt.failure("the registry has no subject \"" + subject + "\"; it has " + subjects);
            }
            List<Integer> versions = registry.versions(subject);
            if (versions.size() > count) {
                return Eventually.Attempt.finalFailure("it has " + versions.size() + " versions: " + versions, describe(subject, versions));
            }
            return versions.size() == count ? Eventually.Attempt.success(versions)
                    : Eventually.Attempt.failure("it has " + versions.size() + " versions so far: " + versions);
        });
    }

    /** Fails unless version {@code newer} is compatible with {@code older} in the mode: BACKWARD, FORWARD or FULL. */
    public void isCompatible(String subject, int newer, int older, String mode) {
        Schema newSchema = schema(subject, newer);
        Schema oldSchema = schema(subject, older);
        String wanted = mode.toUpperCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        if (wanted.equals("BACKWARD") || wanted.equals("FULL")) {
            check(newSchema, oldSchema, "BACKWARD (version " + newer + " reads data written with version " + older + ")", problems);
        }
        if (wanted.equals("FORWARD") || wanted.equals("FULL")) {
            check(oldSchema, newSchema, "FORWARD (version " + older + " reads data written with version " + newer + ")", problems);
        }
        if (!Set.of("BACKWARD", "FORWARD", "FULL").contains(wanted)) {
            throw new IllegalArgumentException("Compatibility \"" + mode + "\" is not known: use BACKWARD, FORWARD or FULL.");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Version " + newer + " of subject \"" + subject + "\" is not " + wanted + " compatible with version "
                    + older + ":\n  " + String.join("\n  ", problems) + "\n\nVersion " + older + ": " + oldSchema + "\nVersion " + newer + ": " + newSchema);
        }
    }

    /** The field names of a record schema version (the value schema's {@code after} row for a change event). */
    public Set<String> fields(String subject, int version) {
        return rowFields(schema(subject, version));
    }

    /** Fails unless version {@code newer} has exactly these fields more than version {@code newer - 1} (in the row). */
    public void adds(String subject, int newer, List<String> added) {
        Set<String> before = fields(subject, newer - 1);
        Set<String> after = fields(subject, newer);
        Set<String> reallyAdded = new TreeSet<>(after);
        reallyAdded.removeAll(before);
        if (!reallyAdded.equals(new TreeSet<>(added))) {
            throw new AssertionError("Version " + newer + " of subject \"" + subject + "\" adds " + reallyAdded + " to version " + (newer - 1)
                    + ", not " + new TreeSet<>(added) + ". Version " + (newer - 1) + " fields: " + before + "; version " + newer + ": " + after);
        }
    }

    private static Set<String> rowFields(Schema schema) {
        Schema row = schema;
        Schema.Field after = schema.getType() == Schema.Type.RECORD ? schema.getField("after") : null;
        if (after != null) {
            row = after.schema().getType() == Schema.Type.UNION
                    ? after.schema().getTypes().stream().filter(type -> type.getType() == Schema.Type.RECORD).findFirst().orElse(after.schema())
                    : after.schema();
        }
        Set<String> names = new TreeSet<>();
        if (row.getType() == Schema.Type.RECORD) {
            row.getFields().forEach(field -> names.add(field.name()));
        }
        return names;
    }

    private Schema schema(String subject, int version) {
        hasAtLeast(subject, version);
        return new Schema.Parser().parse(registry.schema(subject, version));
    }

    private void hasAtLeast(String subject, int version) {
        eventually.until("subject \"" + subject + "\" to have a version " + version, () -> {
            List<String> subjects = registry.subjects();
            if (!subjects.contains(subject)) {
                return Eventually.Attempt.failure("the registry has no subject \"" + subject + "\"; it has " + subjects);
            }
            List<Integer> versions = registry.versions(subject);
            return versions.contains(version) ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("versions so far: " + versions);
        });
    }

    private static void check(Schema reader, Schema writer, String what, List<String> problems) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            problems.add(what + ": " + result.getResult().getIncompatibilities().stream()
                    .map(incompatibility -> incompatibility.getType() + " at " + incompatibility.getLocation() + ": " + incompatibility.getMessage())
                    .toList());
        }
    }

    private String describe(String subject, List<Integer> versions) {
        StringBuilder text = new StringBuilder("Versions of \"" + subject + "\":");
        for (int version : versions) {
            text.append("\n  ").append(version).append(": fields ").append(rowFields(new Schema.Parser().parse(registry.schema(subject, version))));
        }
        return text.toString();
    }
}
