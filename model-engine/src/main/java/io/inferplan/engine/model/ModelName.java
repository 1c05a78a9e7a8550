package io.inferplan.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A model name as hubs and serving stacks write it, split into the candidate base names it may stand for:
 * "nvidia/Llama-3.1-8B-Instruct-FP8" is tried as itself, then "Llama-3.1-8B-Instruct" (FP8 weights), then
 * "Llama-3.1-8B". Only trailing tokens from a fixed vocabulary are dropped: variant tags (Instruct, Chat, it, hf,
 * Base, Thinking, a four-digit release date) and quantisation tags (FP8, FP8-Dynamic, NVFP4, MXFP4, AWQ,
 * GPTQ-Int4, W4A16, BF16...), because checkpoints named so carry the base model's architecture. A precision tag
 * is remembered as the weights' precision.
 */
record ModelName(String original, List<Candidate> candidates) {

    /** One base name to look up, with the precision suffix stripped on the way to it (empty and null when none). */
    record Candidate(String name, String precisionSuffix, Precision precision) {
    }

    static ModelName parse(String text) {
        String name = text.strip();
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            // The Hugging Face organisation ("nvidia/", "RedHatAI/") names who published the checkpoint, not the architecture.
            name = name.substring(slash + 1);
        }
        List<String> tokens = new ArrayList<>(List.of(name.replace('_', '-').replace(' ', '-').split("-+")));
        List<Candidate> candidates = new ArrayList<>();
        String suffix = "";
        Precision precision = null;
        candidates.add(new Candidate(String.join("-", tokens), suffix, precision));
        while (tokens.size() > 1) {
            String last = tokens.getLast();
            Optional<Precision> tokenPrecision = precisionOf(last);
            if (tokenPrecision.isPresent() || isQualifierOfPrecision(tokens)) {
                // The tag nearest the end gives the precision ("GPTQ-Int4": Int4; GPTQ then only joins the suffix).
                precision = precision != null ? precision : tokenPrecision.orElse(null);
                suffix = suffix.isEmpty() ? last : last + "-" + suffix;
            } else if (!isVariant(last)) {
                break;
            }
            tokens.removeLast();
            if (precision != null || suffix.isEmpty()) {
                candidates.add(new Candidate(String.join("-", tokens), suffix, precision));
            }
        }
        return new ModelName(text, List.copyOf(candidates));
    }

    /** "Dynamic" in "FP8-Dynamic" qualifies the precision tag before it and is only dropped next to one. */
    private static boolean isQualifierOfPrecision(List<String> tokens) {
        String last = tokens.getLast().toLowerCase(Locale.ROOT);
        return QUALIFIERS.contains(last) && tokens.size() > 2 && precisionOf(tokens.get(tokens.size() - 2)).isPresent();
    }

    private static final List<String> QUALIFIERS = List.of("dynamic", "static", "block", "quantized", "kv");
    private static final List<String> VARIANTS = List.of("instruct", "chat", "it", "hf", "base", "thinking", "reasoning");

    private static boolean isVariant(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return VARIANTS.contains(lower) || lower.matches("\\d{4}");
    }

    /** The weight precision a quantisation tag means, if the token is one. */
    static Optional<Precision> precisionOf(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.startsWith("quantized.")) {
            lower = lower.substring("quantized.".length()); // RedHatAI's "-quantized.w4a16"
        }
        return Optional.ofNullable(switch (lower) {
            case "fp8", "float8", "w8a8fp8", "fp8dynamic" -> Precision.FP8;
            case "nvfp4", "mxfp4", "fp4", "w4a4", "w4a4fp4" -> Precision.FP4;
            case "awq", "gptq", "int4", "w4a16", "w4a8", "4bit", "q4" -> Precision.INT4;
            case "int8", "w8a8", "w8a16", "8bit", "q8" -> Precision.INT8;
            case "bf16", "bfloat16" -> Precision.BF16;
            case "fp16", "float16" -> Precision.FP16;
            default -> null;
        });
    }
}
