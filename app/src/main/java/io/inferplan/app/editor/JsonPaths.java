package io.inferplan.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a scenario document by dotted path ({@code workload.inputTokens.mean}, {@code pricing.tiers[1].name}),
 * the same paths the engine names in its error messages, so an error lands on the field that caused it.
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    public static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                node = node.get(part.substring(0, bracket));
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                node = node instanceof ArrayNode array && index < array.size() ? array.get(index) : null;
            } else {
                node = node.get(part);
            }
        }
        return node == null || node.isMissingNode() || node.isNull() ? null : node;
    }

    /** Sets the value at {@code path}, creating objects on the way; a null value removes the field. */
    public static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = child(parent, parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (value == null) {
            parent.remove(leaf);
        } else {
            parent.set(leaf, value);
        }
    }

    private static ObjectNode child(ObjectNode parent, String part) {
        int bracket = part.indexOf('[');
        if (bracket >= 0) {
            ArrayNode array = (ArrayNode) parent.get(part.substring(0, bracket));
            return (ObjectNode) array.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
        }
        JsonNode existing = parent.get(part);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(part);
    }

    /** Whether an error reported for {@code errorPath} belongs to the field at {@code fieldPath}. */
    public static boolean matches(String fieldPath, String errorPath) {
        if (errorPath == null) {
            return false;
        }
        String error = errorPath.startsWith("scenario.") ? errorPath.substring("scenario.".length()) : errorPath;
        return error.equals(fieldPath) || error.startsWith(fieldPath + ".") || error.startsWith(fieldPath + "[")
                // A distribution's check names only "mean"; the parent path places it.
                || fieldPath.endsWith("." + error) && !error.contains(".");
    }
}
