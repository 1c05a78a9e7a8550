package io.inferplan.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.EditDistance;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled model architectures, found by id, alias or Hugging Face repo id, case-insensitively; a checkpoint
 * name with a variant or quantisation suffix ("Qwen/Qwen3-235B-A22B-FP8") resolves to its base architecture.
 */
public final class ModelPresets {
    private static final ModelPresets BUNDLED = load();

    private final List<ModelSpec> models;
    private final Map<String, ModelSpec> byKey;

    public ModelPresets(List<ModelSpec> models) {
        this.models = List.copyOf(models);
        Map<String, ModelSpec> keys = new LinkedHashMap<>();
        for (ModelSpec model : models) {
            keys.put(key(model.id()), model);
            keys.put(key(model.name()), model);
            model.aliases().forEach(alias -> keys.putIfAbsent(key(alias), model));
        }
        this.byKey = Map.copyOf(keys);
    }

    public static ModelPresets bundled() {
        return BUNDLED;
    }

    public List<ModelSpec> all() {
        return models;
    }

    public Optional<ModelSpec> find(String name) {
        return resolve(name).map(ResolvedModel::model);
    }

    /**
     * The preset a name denotes, with the weight precision its suffix implies: the name as given first (an alias
     * such as "Llama-3.1-8B-Instruct" wins), then with trailing variant and quantisation tags dropped one by one.
     */
    public Optional<ResolvedModel> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (ModelName.Candidate candidate : ModelName.parse(name).candidates()) {
            ModelSpec hit = byKey.get(key(candidate.name()));
            if (hit != null) {
                return Optional.of(new ResolvedModel(hit, candidate.precisionSuffix(), candidate.precision()));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but an unknown name is an input error listing what is known. */
    public ModelSpec require(String field, String name) {
        return requireResolved(field, name).model();
    }

    /** Like {@link #resolve} but an unknown name is an input error naming the closest presets and listing all. */
    public ResolvedModel requireResolved(String field, String name) {
        return resolve(name).orElseThrow(() -> new InvalidInputException(field, "unknown model '" + name + "'"
                + closest(name) + "; known models: " + String.join(", ", models.stream().map(ModelSpec::id).toList())));
    }

    /** "; did you mean X, Y?" by edit distance of the base name to ids and aliases, or nothing when none is close. */
    private String closest(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        List<ModelName.Candidate> candidates = ModelName.parse(name).candidates();
        String base = key(candidates.getLast().name());
        Map<ModelSpec, Integer> best = new LinkedHashMap<>();
        byKey.forEach((k, model) -> best.merge(model, EditDistance.of(k, base), Math::min));
        int limit = Math.max(2, base.length() / 3);
        List<String> close = best.entrySet().stream().filter(e -> e.getValue() <= limit)
                .sorted(Map.Entry.comparingByValue()).limit(3).map(e -> e.getKey().id()).toList();
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    /** Reads a user's own model description (the same fields as the bundled ones). */
    public static ModelSpec readUserModel(String json) {
        return JsonSupport.read(json, ModelSpec.class, "model");
    }

    static String key(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        int slash = lower.lastIndexOf('/');
        return (slash >= 0 ? lower.substring(slash + 1) : lower).replace('_', '-').replace(" ", "-");
    }

    private record ModelFile(@JsonProperty("note") String note, @JsonProperty("models") List<ModelSpec> models) {
    }

    private static ModelPresets load() {
        try (InputStream in = ModelPresets.class.getResourceAsStream("models.json")) {
            if (in == null) {
                throw new IllegalStateException("models.json missing from the engine");
            }
            ModelFile file = JsonSupport.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ModelFile.class, "models.json");
            return new ModelPresets(file.models());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
