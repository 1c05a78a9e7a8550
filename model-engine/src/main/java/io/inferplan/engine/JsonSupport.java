package io.inferplan.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The engine's one JSON configuration: strict on input (unknown fields, repeated fields, wrong types, text for
 * numbers, numbers for text, empty text for objects, nulls for numbers and numbers too small to mean anything are
 * errors), and a translation of Jackson's exceptions into {@link InvalidInputException}s that name the field path.
 */
public final class JsonSupport {
    /**
     * The smallest magnitude a non-zero number in a file may have. Smaller ones (1e-320 passes every range check) are
     * noise for every quantity InferPlan reads, and dividing by them turns costs and margins into infinities.
     */
    public static final double SMALLEST_MAGNITUDE = 1e-12;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(
                    com.fasterxml.jackson.annotation.Nulls.FAIL))
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("inferplan-numbers")
                    .addDeserializer(Double.class, new MeaningfulDouble(Double.class, null))
                    .addDeserializer(double.class, new MeaningfulDouble(double.class, 0.0)))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonSupport() {
    }

    /** Jackson's own double reading, then the check that a non-zero number is not below {@link #SMALLEST_MAGNITUDE}. */
    private static final class MeaningfulDouble extends NumberDeserializers.DoubleDeserializer {
        MeaningfulDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = super.deserialize(parser, context);
            if (value != null && value != 0 && Math.abs(value) < SMALLEST_MAGNITUDE) {
                throw new InvalidInputException(parser.currentName() == null ? "value" : parser.currentName(),
                        "must be 0 or at least " + SMALLEST_MAGNITUDE + " in size (a smaller number is rounding noise), was " + value);
            }
            return value;
        }
    }

    public static ObjectMapper mapper() {
        return STRICT;
    }

    /** Reads {@code json} as {@code type}, turning every failure into an error that names the field. */
    public static <T> T read(String json, Class<T> type, String rootName) {
        T value;
        try {
            value = STRICT.readValue(json, type);
        } catch (JsonProcessingException e) {
            InvalidInputException translated = translate(e, rootName);
            throw translated.field().isEmpty()
                    ? translated.withField(rootFieldName(type)) : translated;
        }
        if (value == null) {
            // A file holding just `null` (or nothing but whitespace) would otherwise travel on as a null object.
            throw new InvalidInputException(rootName.isEmpty() ? rootFieldName(type) : rootName,
                    "expected " + simpleTypeName(type) + " as a JSON object { ... }, found null");
        }
        return value;
    }

    public static InvalidInputException translate(JsonProcessingException e, String rootName) {
        InvalidInputException cause = findInvalidInput(e);
        String path = e instanceof JsonMappingException mapping ? path(mapping, rootName) : rootName;
        if (cause != null) {
            // A record's own check names its field relative to itself; place it under where Jackson was.
            // Records name fields either plainly ("usdPerGpuHour") or under their own root ("model.layers"); drop
            // that root and append the rest to the path of the object Jackson was building.
            String field = cause.field();
            String lastSegment = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            boolean underOwnRoot = field.contains(".") && field.substring(0, field.indexOf('.')).equals(lastSegment);
            String relative = underOwnRoot ? field.substring(field.indexOf('.') + 1) : field;
            String full = path.isEmpty() ? field
                    : path.equals(relative) || path.endsWith("." + relative) ? path : joinPath(path, relative);
            return cause.withField(full);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return new InvalidInputException(path, "unknown field" + (known.isEmpty() ? "" : "; expected one of: " + known));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return new InvalidInputException(path, "expected text, was " + format.getValue());
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
        if (e instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Cannot coerce")) {
            return new InvalidInputException(path, "expected " + simpleTypeName(mismatch.getTargetType()) + ", was "
                    + coercedValue(mismatch.getOriginalMessage()));
        }
        if (e instanceof MismatchedInputException mismatch && foundShape(mismatch.getOriginalMessage()) != null) {
            return new InvalidInputException(path.isEmpty() ? rootFieldName(mismatch.getTargetType()) : path, "expected " + simpleTypeName(mismatch.getTargetType())
                    + ", found " + foundShape(mismatch.getOriginalMessage()));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
            return new InvalidInputException(path, "is null; a value is required here");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String found = mismatch.getProcessor() instanceof JsonParser parser ? tokenName(parser.currentToken()) : null;
            return new InvalidInputException(path, "expected " + simpleTypeName(mismatch.getTargetType())
                    + (found == null ? "" : ", found " + found));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException && hasCause(e, NullPointerException.class)) {
            return new InvalidInputException(path, "holds a null where a value is required");
        }
        String parserMessage = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (parserMessage.startsWith("Duplicate field '")) {
            String name = parserMessage.substring("Duplicate field '".length(), parserMessage.indexOf('\'', "Duplicate field '".length()));
            return new InvalidInputException(path.isEmpty() ? name : joinPath(path, name),
                    "is given twice" + location(e) + "; keep one");
        }
        return new InvalidInputException(path, "not valid JSON" + location(e) + ": " + plainParserMessage(parserMessage));
    }

    /** The offending value from Jackson's "Cannot coerce String value ("4") to ..." without the advice on its settings. */
    private static String coercedValue(String message) {
        int open = message.indexOf('(');
        int close = message.indexOf(')', open + 1);
        String kind = message.startsWith("Cannot coerce empty String") ? "empty text \"\""
                : message.startsWith("Cannot coerce String") ? "text" : message.startsWith("Cannot coerce Integer")
                || message.startsWith("Cannot coerce Floating") ? "a number" : message.startsWith("Cannot coerce Boolean") ? "true or false" : "a value";
        if (kind.startsWith("empty") || open < 0 || close < 0) {
            return kind;
        }
        return kind + " " + message.substring(open + 1, close);
    }

    /** What Jackson found instead ("... from Array value (token ...)"), in plain words; null when it does not say. */
    private static String foundShape(String message) {
        if (message == null) {
            return null;
        }
        for (String[] shape : new String[][] {{"from Array value", "a list [ ... ]"}, {"from Object value", "an object { ... }"},
                {"from String value", "text"}, {"from Integer value", "a number"}, {"from Floating-point value", "a number"},
                {"from Boolean value", "true or false"}}) {
            if (message.contains(shape[0])) {
                return shape[1];
            }
        }
        return null;
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

    /** The field name a whole document of {@code type} is reported under ("scenario"), when no path inside it applies. */
    private static String rootFieldName(Class<?> type) {
        return simpleTypeName(type).replaceFirst("^a ", "");
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
        if (type.isRecord() || type.getSimpleName().equals("Scenario")) {
            return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
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

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String tokenName(com.fasterxml.jackson.core.JsonToken token) {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case START_ARRAY -> "a list [ ... ]";
            case START_OBJECT -> "an object { ... }";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }

    /**
     * The parser's complaint in plain words: what it found, without its advice on its own settings or its source dump
     * ("(start marker at [Source: ...])").
     */
    private static String plainParserMessage(String message) {
        String line = firstLine(message);
        if (line.startsWith("Non-standard token '")) {
            String token = line.substring("Non-standard token '".length(), line.indexOf('\'', "Non-standard token '".length()));
            return "'" + token + "' is not a number JSON allows; write a finite number such as 1e9";
        }
        if (line.startsWith("Unrecognized token '")) {
            String token = line.substring("Unrecognized token '".length(), line.indexOf('\'', "Unrecognized token '".length()));
            return "'" + token + "' is not a JSON value (a value is a number, \"text\" in double quotes, true, false, null, [ ] or { })";
        }
        if (line.startsWith("Unexpected end-of-input")) {
            return "the file ends too early (an object or list is not closed)";
        }
        if (line.startsWith("Unexpected character (")) {
            int quote = line.indexOf('\'');
            String what = quote >= 0 && quote + 2 < line.length() ? line.substring(quote, quote + 3) : "a character";
            int expected = line.indexOf("): expected ");
            return "unexpected " + what + (expected < 0 ? "" : ", expected " + line.substring(expected + "): expected ".length())
                    .replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')", "a value")
                    .replace("double-quote to start field name", "a field name in double quotes"));
        }
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
