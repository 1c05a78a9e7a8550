package io.inferplan.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;

/**
 * The engine's one JSON configuration: strict on input (unknown fields, wrong types and nulls for numbers are
 * errors), and a translation of Jackson's exceptions into {@link InvalidInputException}s that name the field path.
 */
public final class JsonSupport {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonSupport() {
    }

    public static ObjectMapper mapper() {
        return STRICT;
    }

    /** Reads {@code json} as {@code type}, turning every failure into an error that names the field. */
    public static <T> T read(String json, Class<T> type, String rootName) {
        try {
            return STRICT.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw translate(e, rootName);
        }
    }

    public static InvalidInputException translate(JsonProcessingException e, String rootName) {
        InvalidInputException cause = findInvalidInput(e);
        String path = e instanceof JsonMappingException mapping ? path(mapping, rootName) : rootName;
        if (cause != null) {
            // A record's own check names its field relative to itself; place it under where Jackson was.
            // Records name fields either plainly ("usdPerGpuHour") or under their own root ("model.layers"); drop
            // that root and append the rest to the path of the object Jackson was building.
            String field = cause.field();
            String relative = field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
            String full = path.isEmpty() ? field
                    : path.equals(relative) || path.endsWith("." + relative) ? path : joinPath(path, relative);
            return new InvalidInputException(full, cause.getMessage().substring(field.length() + 2));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return new InvalidInputException(path, "unknown field" + (known.isEmpty() ? "" : "; expected one of: " + known));
        }
        if (e instanceof InvalidFormatException format) {
            return new InvalidInputException(path, "'" + format.getValue() + "' is not a valid "
                    + simpleTypeName(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && isMissingValue(mismatch)) {
            return new InvalidInputException(path, "is required (" + simpleTypeName(mismatch.getTargetType()) + ")");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Missing type id")) {
            return new InvalidInputException(path, "needs its kind given in a 'basis' (or type) field: "
                    + firstLine(mismatch.getOriginalMessage()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new InvalidInputException(path, "expected " + simpleTypeName(mismatch.getTargetType()) + " ("
                    + firstLine(e.getOriginalMessage()) + ")");
        }
        return new InvalidInputException(path, "not valid JSON" + location(e) + ": " + plainParserMessage(e.getOriginalMessage()));
    }

    /** A required number or flag left out (or null): Jackson reports it as null for a primitive. */
    private static boolean isMissingValue(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Cannot map `null` into type");
    }

    private static String joinPath(String path, String leaf) {
        return path + "." + leaf;
    }

    private static InvalidInputException findInvalidInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e, String rootName) {
        StringBuilder path = new StringBuilder(rootName);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder names = new StringBuilder("one of ");
            for (int i = 0; i < constants.length; i++) {
                names.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return names.toString();
        }
        return type.getSimpleName();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** The parser's own words without its source dump ("(start marker at [Source: ...])"). */
    private static String plainParserMessage(String message) {
        String line = firstLine(message);
        int detail = line.indexOf(" (start marker");
        if (detail < 0) {
            detail = line.indexOf(" at [Source");
        }
        return detail < 0 ? line : line.substring(0, detail);
    }

    /** The first line of a (parser's) message; "" for none. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
