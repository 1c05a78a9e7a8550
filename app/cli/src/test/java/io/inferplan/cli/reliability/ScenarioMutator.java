package io.inferplan.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes near-valid scenario files from valid ones: one field changed to a value from the edges of what JSON can say
 * (negative, zero, subnormal, huge, the wrong type, null, empty), a field removed, added or repeated, a number scaled
 * by powers of ten, or the text cut short or given a non-standard token. Deterministic for a seed.
 */
final class ScenarioMutator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SplittableRandom random;

    ScenarioMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One mutation of {@code json} (a valid scenario) and what was done, for the report. */
    record Mutant(String json, String mutation) {
    }

    Mutant mutate(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            int kind = random.nextInt(100);
            if (kind < 6) {
                int cut = random.nextInt(json.length());
                return new Mutant(json.substring(0, cut), "text cut at " + cut);
            }
            if (kind < 10) {
                return nonStandardToken(json);
            }
            List<Slot> slots = new ArrayList<>();
            collect(root, "", slots);
            Slot slot = slots.get(random.nextInt(slots.size()));
            if (kind < 18) {
                return repeated(json, slot);
            }
            if (kind < 26 && slot.parent instanceof ObjectNode object) {
                object.remove(slot.key);
                return new Mutant(MAPPER.writeValueAsString(root), "removed " + slot.path);
            }
            if (kind < 30 && slot.parent instanceof ObjectNode object) {
                object.put(slot.key + "Typo", 1);
                return new Mutant(MAPPER.writeValueAsString(root), "unknown field beside " + slot.path);
            }
            JsonNode value = kind < 55 && slot.value().isNumber() ? scaled(slot.value().asDouble()) : edgeValue();
            slot.set(value);
            return new Mutant(MAPPER.writeValueAsString(root), slot.path + " = " + abbreviated(value.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("the seed scenarios are valid JSON", e);
        }
    }

    private Mutant nonStandardToken(String json) {
        int colon = nthColon(json, random.nextInt(Math.max(1, count(json, ':'))));
        String token = List.of("NaN", "Infinity", "-Infinity", "1e999", "0x10", "'text'", "undefined").get(random.nextInt(7));
        int end = json.indexOf(',', colon);
        if (colon < 0 || end < 0) {
            return new Mutant(json + token, "token appended");
        }
        return new Mutant(json.substring(0, colon + 1) + " " + token + json.substring(end), "token " + token);
    }

    /** The same key given twice at text level, the second time with another value. */
    private Mutant repeated(String json, Slot slot) {
        String needle = "\"" + slot.key + "\"";
        int at = json.indexOf(needle);
        if (slot.key == null || at < 0) {
            return new Mutant(json, "unchanged");
        }
        return new Mutant(json.substring(0, at) + needle + ": " + edgeValue() + ", " + json.substring(at), "repeated " + slot.path);
    }

    private JsonNode scaled(double value) {
        double factor = Math.pow(10, random.nextInt(-15, 16)) * (random.nextBoolean() ? 1 : -1);
        return NODES.numberNode(value == 0 ? factor : value * factor);
    }

    private JsonNode edgeValue() {
        return switch (random.nextInt(20)) {
            case 0 -> NODES.numberNode(-1);
            case 1 -> NODES.numberNode(0);
            case 2 -> NODES.numberNode(1e-320);
            case 3 -> NODES.numberNode(1e-13);
            case 4 -> NODES.numberNode(1e308);
            case 5 -> NODES.numberNode(-1e308);
            case 6 -> NODES.numberNode(2147483648L);
            case 7 -> NODES.numberNode(Long.MAX_VALUE);
            case 8 -> NODES.numberNode(0.5);
            case 9 -> NODES.textNode("4");
            case 10 -> NODES.textNode("");
            case 11 -> NODES.nullNode();
            case 12 -> NODES.booleanNode(true);
            case 13 -> NODES.arrayNode();
            case 14 -> NODES.objectNode();
            case 15 -> NODES.textNode("x".repeat(10_000));
            case 16 -> NODES.textNode("=cmd|' /C calc'!A0");
            case 17 -> NODES.numberNode(1e6);
            case 18 -> NODES.numberNode(3);
            default -> NODES.textNode("H100\n,\"quoted\"");
        };
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    private static int nthColon(String text, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(':', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    /** A place in the tree that holds a value: a field of an object or an element of a list. */
    private record Slot(JsonNode parent, String key, int index, String path) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                slots.add(new Slot(object, field.getKey(), -1, child));
                collect(field.getValue(), child, slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = path + "[" + i + "]";
                slots.add(new Slot(array, null, i, child));
                collect(array.get(i), child, slots);
            }
        }
    }
}
