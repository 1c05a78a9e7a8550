package io.inferplan.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.inferplan.engine.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Number formats for weights, KV cache and activations. Bytes per value include the block scales that the
 * low-bit formats carry (NVFP4: one FP8 scale per 16 values; INT4 as AWQ/GPTQ: an FP16 scale and zero per 128).
 */
public enum Precision {
    FP32(4.0),
    BF16(2.0),
    FP16(2.0),
    FP8(1.0),
    INT8(1.0),
    FP4(0.5 + 1.0 / 16),
    INT4(0.5 + 4.0 / 128);

    private final double bytesPerValue;

    Precision(double bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    public double bytesPerValue() {
        return bytesPerValue;
    }

    /** Bits per value, rounded for display (FP4 is shown as 4 even though its scales add a quarter bit). */
    public int nominalBits() {
        return switch (this) {
            case FP32 -> 32;
            case BF16, FP16 -> 16;
            case FP8, INT8 -> 8;
            case FP4, INT4 -> 4;
        };
    }

    public boolean isFloatingPoint() {
        return this != INT8 && this != INT4;
    }

    /** Lower-case name as used in files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** JSON accepts the same spellings as the command line ("fp8", "NVFP4", "bfloat16"). */
    @JsonCreator
    static Precision fromJson(String text) {
        return parse("precision", text);
    }

    @JsonValue
    String json() {
        return id();
    }

    /** Parses a precision name, accepting common spellings (bfloat16, e4m3, nvfp4, mxfp4, w4a16...). */
    public static Precision parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required; one of " + allowed());
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "fp32", "float32", "f32" -> FP32;
            case "bf16", "bfloat16" -> BF16;
            case "fp16", "float16", "f16", "half" -> FP16;
            case "fp8", "e4m3", "fp8e4m3", "float8" -> FP8;
            case "int8", "w8a8", "i8" -> INT8;
            case "fp4", "nvfp4", "mxfp4", "e2m1" -> FP4;
            case "int4", "w4a16", "awq", "gptq", "i4" -> INT4;
            default -> throw new InvalidInputException(field, "unknown precision '" + text + "'; one of " + allowed());
        };
    }

    private static String allowed() {
        return Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", "));
    }
}
