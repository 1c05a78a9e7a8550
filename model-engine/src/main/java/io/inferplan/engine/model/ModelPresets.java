package io.inferplan.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.inferplan.engine.InvalidInputException;
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

/** The bundled model architectures, found by id or alias, case-insensitively. */
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
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    /** Like {@link #find} but an unknown name is an input error listing what is known. */
    public ModelSpec require(String field, String name) {
        return find(name).orElseThrow(() -> new InvalidInputException(field, "unknown model '" + name + "'; known models: "
                + String.join(", ", models.stream().map(ModelSpec::id).toList())));
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
