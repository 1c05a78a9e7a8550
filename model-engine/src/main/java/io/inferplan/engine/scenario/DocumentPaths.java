package io.inferplan.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Numbers in a scenario document addressed by path, the way error messages name them:
 * {@code workload.inputTokens.mean}, {@code pricing.tiers[1].usdPerMillionOutputTokens}, or {@code [*]} for every
 * element of an array ({@code pricing.tiers[*].usdPerMillionOutputTokens}). The one way the engine moves inputs of
 * a document (sensitivity, uncertainty draws, goal seek), so a path means the same everywhere.
 */
public final class DocumentPaths {
    private DocumentPaths() {
    }

    /** Multiplies every number at {@code path} by {@code factor}; absent fields stay absent. */
    public static void scale(JsonNode document, String path, double factor) {
        visit(document, segments(path), 0, false, (object, name) -> {
            if (object.get(name).isNumber()) {
                object.put(name, object.get(name).asDouble() * factor);
            }
        });
    }

    /**
     * Sets every number at {@code path} to {@code value}; a missing last field is added when its parent object
     * exists (a default such as {@code deployment.plannedUtilization} written out).
     */
    public static void set(JsonNode document, String path, double value) {
        visit(document, segments(path), 0, true, (object, name) -> object.put(name, value));
    }

    /** The numbers at {@code path}, in document order (empty when nothing is there). */
    public static List<Double> numbers(JsonNode document, String path) {
        List<Double> found = new ArrayList<>();
        visit(document, segments(path), 0, false, (object, name) -> {
            if (object.get(name).isNumber()) {
                found.add(object.get(name).asDouble());
            }
        });
        return found;
    }

    /** The first number at {@code path}, if there is one. */
    public static Optional<Double> first(JsonNode document, String path) {
        return numbers(document, path).stream().findFirst();
    }

    /** The first number at {@code path} that is not zero (moving a zero by a share changes nothing). */
    public static Optional<Double> firstNonZero(JsonNode document, String path) {
        return numbers(document, path).stream().filter(v -> v != 0).findFirst();
    }

    private interface Leaf {
        void at(ObjectNode parent, String name);
    }

    private record Segment(String name, boolean all, int index) {
    }

    private static Segment[] segments(String path) {
        String[] parts = path.split("\\.");
        Segment[] segments = new Segment[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int bracket = part.indexOf('[');
            if (bracket < 0 || !part.endsWith("]")) {
                segments[i] = new Segment(part, false, -1);
            } else {
                String inside = part.substring(bracket + 1, part.length() - 1);
                boolean all = inside.equals("*");
                segments[i] = new Segment(part.substring(0, bracket), all, all ? -1 : Integer.parseInt(inside));
            }
        }
        return segments;
    }

    private static void visit(JsonNode node, Segment[] segments, int index, boolean create, Leaf leaf) {
        if (!(node instanceof ObjectNode object) || index >= segments.length) {
            return;
        }
        Segment segment = segments[index];
        boolean last = index == segments.length - 1;
        JsonNode child = object.get(segment.name());
        if (segment.all() || segment.index() >= 0) {
            if (child instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (segment.all() || i == segment.index()) {
                        visit(array.get(i), segments, index + 1, create, leaf);
                    }
                }
            }
        } else if (last) {
            if (child != null || create) {
                leaf.at(object, segment.name());
            }
        } else {
            visit(child, segments, index + 1, create, leaf);
        }
    }
}
