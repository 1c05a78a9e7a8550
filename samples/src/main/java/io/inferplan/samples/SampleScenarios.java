package io.inferplan.samples;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The example scenarios bundled with InferPlan (JSON files beside this class, listed in index.json). The app offers
 * them as starting points; {@code inferplan evaluate} reads the same files from samples/src/main/resources.
 */
public final class SampleScenarios {

    /**
     * One sample.
     *
     * @param file  the file name, e.g. "consumer-chat-h100.json"
     * @param shows a sentence on what the scenario shows
     */
    public record Sample(@JsonProperty("file") String file, @JsonProperty("title") String title,
                         @JsonProperty("shows") String shows) {
    }

    private record Index(@JsonProperty("note") String note, @JsonProperty("samples") List<Sample> samples) {
    }

    private static final List<Sample> ALL = loadIndex();

    private SampleScenarios() {
    }

    public static List<Sample> all() {
        return ALL;
    }

    public static Optional<Sample> find(String file) {
        return ALL.stream().filter(s -> s.file().equalsIgnoreCase(file)).findFirst();
    }

    /** The scenario JSON of a sample, to pass to {@code ScenarioJson.read}. */
    public static String json(Sample sample) {
        return resource(sample.file());
    }

    private static List<Sample> loadIndex() {
        return List.copyOf(JsonSupport.read(resource("index.json"), Index.class, "index.json").samples());
    }

    private static String resource(String name) {
        try (InputStream in = SampleScenarios.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " missing from the samples jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
