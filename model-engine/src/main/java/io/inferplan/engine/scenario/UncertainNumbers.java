package io.inferplan.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of a scenario document written as distributions ({@link Distribution}) instead of values. Reading
 * replaces each by its {@code value}, so every command and the app evaluate the file as before; the Monte Carlo
 * run ({@code io.inferplan.engine.uncertainty}) draws them. A file without distributions is read exactly as it always
 * was.
 */
public final class UncertainNumbers {
    /** A number of the document given as a distribution, at its path (e.g. {@code cost.usdPerGpuHour}). */
    public record Declared(String path, Distribution distribution) {
    }

    private static final Set<String> FIELDS = Set.of("distribution", "value", "min", "max", "mode", "p10", "p90");

    private UncertainNumbers() {
    }

    /** Whether the text can hold a distribution at all (a cheap test that keeps plain files on their old path). */
    public static boolean mayHave(String json) {
        return json.contains("\"distribution\"");
    }

    /**
     * Replaces every distribution in {@code document} by its value, in place.
     *
     * @return the distributions, in document order
     * @throws InvalidInputException naming the field path when a distribution is malformed or impossible
     */
    public static List<Declared> extract(JsonNode document) {
        List<Declared> found = new ArrayList<>();
        walk(document, "", found);
        return found;
    }

    private static void walk(JsonNode node, String path, List<Declared> found) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                String childPath = path.isEmpty() ? name : path + "." + name;
                if (child instanceof ObjectNode candidate && candidate.has("distribution")) {
                    Distribution distribution = read(candidate, childPath);
                    double value = valueOf(candidate, distribution, childPath);
                    object.put(name, value);
                    found.add(new Declared(childPath, distribution));
                } else {
                    walk(child, childPath, found);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                String elementPath = path + "[" + i + "]";
                if (element instanceof ObjectNode candidate && candidate.has("distribution")) {
                    throw new InvalidInputException(elementPath, "a list element cannot be a distribution; give one to a number field");
                }
                walk(element, elementPath, found);
            }
        }
    }

    /** A distribution written at one field, with the number a plain evaluation reads in its place. */
    public record Written(Distribution distribution, double value) {
    }

    /**
     * The distribution at this node, when the node is one (an editor shows its value and says it is uncertain).
     *
     * @throws InvalidInputException naming {@code path} when the node is a malformed distribution
     */
    public static java.util.Optional<Written> written(JsonNode node, String path) {
        if (!(node instanceof ObjectNode object) || !object.has("distribution")) {
            return java.util.Optional.empty();
        }
        Distribution distribution = read(object, path);
        return java.util.Optional.of(new Written(distribution, valueOf(object, distribution, path)));
    }

    /** The JSON object that {@link #written} reads back as this distribution (no explicit value: its own). */
    public static ObjectNode toJson(Distribution distribution) {
        ObjectNode node = io.inferplan.engine.JsonSupport.mapper().createObjectNode();
        node.put("distribution", distribution.kind());
        switch (distribution) {
            case Distribution.Uniform u -> node.put("min", u.min()).put("max", u.max());
            case Distribution.Triangular t -> node.put("min", t.min()).put("mode", t.mode()).put("max", t.max());
            case Distribution.Normal n -> bounds(node.put("p10", n.p10()).put("p90", n.p90()), n.min(), n.max());
            case Distribution.LogNormal l -> bounds(node.put("p10", l.p10()).put("p90", l.p90()), l.min(), l.max());
        }
        return node;
    }

    private static void bounds(ObjectNode node, Double min, Double max) {
        if (min != null) {
            node.put("min", min);
        }
        if (max != null) {
            node.put("max", max);
        }
    }

    /** One distribution object, checked field by field. */
    static Distribution read(ObjectNode node, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!FIELDS.contains(field.getKey())) {
                throw new InvalidInputException(path + "." + field.getKey(), "unknown field of a distribution; known: "
                        + "distribution, value, min, max, mode, p10, p90");
            }
            if (!field.getKey().equals("distribution") && !field.getValue().isNumber()) {
                throw new InvalidInputException(path + "." + field.getKey(), "expected a number, was " + field.getValue());
            }
        }
        JsonNode kind = node.get("distribution");
        String name = kind.isTextual() ? kind.asText().toLowerCase(java.util.Locale.ROOT) : "";
        try {
            return switch (name) {
                case "uniform" -> only(node, path, Set.of("min", "max"), Set.of("min", "max"),
                        () -> new Distribution.Uniform(number(node, "min"), number(node, "max")));
                case "triangular" -> only(node, path, Set.of("min", "mode", "max"), Set.of("min", "mode", "max"),
                        () -> new Distribution.Triangular(number(node, "min"), number(node, "mode"), number(node, "max")));
                case "normal" -> only(node, path, Set.of("p10", "p90"), Set.of("p10", "p90", "min", "max"),
                        () -> new Distribution.Normal(number(node, "p10"), number(node, "p90"), optional(node, "min"), optional(node, "max")));
                case "lognormal" -> only(node, path, Set.of("p10", "p90"), Set.of("p10", "p90", "min", "max"),
                        () -> new Distribution.LogNormal(number(node, "p10"), number(node, "p90"), optional(node, "min"), optional(node, "max")));
                default -> throw new InvalidInputException(path + ".distribution",
                        "must be one of uniform, triangular, normal, lognormal, was " + kind);
            };
        } catch (InvalidInputException e) {
            throw e.field().startsWith(path) ? e : e.under(path);
        }
    }

    private static Distribution only(ObjectNode node, String path, Set<String> required, Set<String> allowed,
                                     java.util.function.Supplier<Distribution> make) {
        for (String field : required) {
            if (!node.has(field)) {
                throw new InvalidInputException(path + "." + field, "is required for a " + node.get("distribution").asText()
                        + " distribution (it takes " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!field.equals("distribution") && !field.equals("value") && !allowed.contains(field)) {
                throw new InvalidInputException(path + "." + field, "is not a field of a " + node.get("distribution").asText()
                        + " distribution (it takes " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        });
        return make.get();
    }

    private static double valueOf(ObjectNode node, Distribution distribution, String path) {
        if (!node.has("value")) {
            return distribution.value();
        }
        double value = node.get("value").asDouble();
        if (value < distribution.lowest() || value > distribution.highest()) {
            throw new InvalidInputException(path + ".value", "must be within the distribution's range ("
                    + Distribution.number(distribution.lowest()) + " to " + Distribution.number(distribution.highest())
                    + "), was " + Distribution.number(value));
        }
        return value;
    }

    private static double number(ObjectNode node, String field) {
        return node.get(field).asDouble();
    }

    private static Double optional(ObjectNode node, String field) {
        return node.has(field) ? node.get(field).asDouble() : null;
    }
}
