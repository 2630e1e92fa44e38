package io.cdcharness.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cdcharness.stack.BootPhases;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The data the CDC report is drawn from, kept beside it as {@code cdc-report.json}: every scenario's
 * summary and the stack's boots. The page itself cannot be joined; this can, and is drawn again.
 */
final class ReportData {
    static final String FILE = "cdc-report.json";
    /** Raised when a change makes older files unreadable. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator out, SerializerProvider serializers) throws IOException {
                            out.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                            return Instant.parse(in.getValueAsString());
                        }
                    }));

    /** One service's start within a boot, in milliseconds after the boot began. */
    record Phase(String service, long startMs, long tookMs) {
    }

    /** One boot of a stack; {@code readyMs} is null when it never got ready. */
    record Boot(String stack, Instant began, List<Phase> phases, Long readyMs) {
        BootPhases.Boot toBoot() {
            return BootPhases.recorded(stack, began, phases.stream()
                    .map(p -> new BootPhases.Phase(p.service(), Duration.ofMillis(p.startMs()), Duration.ofMillis(p.tookMs()))).toList(),
                    readyMs == null ? null : Duration.ofMillis(readyMs));
        }

        static Boot of(BootPhases.Boot boot) {
            return new Boot(boot.stack(), boot.began(), boot.phases().stream()
                    .map(p -> new Phase(p.service(), p.start().toMillis(), p.took().toMillis())).toList(),
                    boot.total() == null ? null : boot.total().toMillis());
        }
    }

    /** The whole file. */
    record Contents(int format, List<ScenarioSummary> scenarios, List<Boot> boots) {
    }

    private ReportData() {
    }

    static String json(List<ScenarioSummary> summaries, List<BootPhases.Boot> boots) {
        try {
            return JSON.writeValueAsString(new Contents(FORMAT, summaries, boots.stream().map(Boot::of).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CDC report's data could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a {@code cdc-report.json}.
     *
     * @throws IllegalArgumentException naming the file and what was expected, when it is not one
     */
    static Contents read(Path file) {
        Contents contents;
        try {
            contents = JSON.readValue(file.toFile(), Contents.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not the CDC report's data (expected {\"format\": " + FORMAT
                    + ", \"scenarios\": [...], \"boots\": [...]}, as a run writes it beside index.html): " + e.getMessage(), e);
        }
        if (contents == null || contents.scenarios() == null || contents.format() != FORMAT) {
            throw new IllegalArgumentException(file + " is not the CDC report's data of this version (expected \"format\": " + FORMAT
                    + " and a \"scenarios\" list" + (contents == null ? "" : ", found format " + contents.format()) + "). Run the shard again "
                    + "with this version of cdc-harness.");
        }
        return new Contents(contents.format(), contents.scenarios(), contents.boots() == null ? List.of() : contents.boots());
    }
}
