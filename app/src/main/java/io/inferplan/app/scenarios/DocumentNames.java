package io.inferplan.app.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The scenario's name lives in its document too (the engine requires it); renames keep both in step. */
final class DocumentNames {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DocumentNames() {
    }

    static String rename(String json, String name) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                object.put("name", name);
                return MAPPER.writeValueAsString(object);
            }
        } catch (IOException e) {
            // Leave a document that does not parse as it is; the evaluation reports what is wrong with it.
        }
        return json;
    }
}
