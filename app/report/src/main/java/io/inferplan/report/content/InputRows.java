package io.inferplan.report.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.JsonSupport;
import io.inferplan.report.document.Block;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every input of the scenario, one row per number or text of its document (the path as the file writes it, the
 * value with its unit), so that a reader can rebuild the scenario from the report. Name, description and sources are
 * stated elsewhere in the report and left out here.
 */
final class InputRows {
    private static final Set<String> STATED_ELSEWHERE = Set.of("schemaVersion", "name", "description", "sources");
    /** Fields holding a share from 0 to 1, written as percent. */
    private static final Set<String> SHARES = Set.of("trafficShare", "promptCacheHitRate", "plannedUtilization",
            "demandGrowthPerMonth", "priceDeclinePerYear", "hardwareCostDeclinePerYear", "acceptanceRate", "discount",
            "discountShare", "costOfCapital", "annualCostOfCapital", "utilization", "pue", "share");

    private InputRows() {
    }

    static Block.Table of(String json) {
        JsonNode root = read(json);
        List<List<String>> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!STATED_ELSEWHERE.contains(field.getKey())) {
                add(rows, field.getKey(), field.getKey(), field.getValue());
            }
        }
        return new Block.Table(List.of("Input", "Value"), rows, List.of(0.55, 0.45), List.of(false, false));
    }

    /** The sources the scenario's author lists for its prices and figures. */
    static List<String> sources(String json) {
        List<String> sources = new ArrayList<>();
        read(json).path("sources").forEach(s -> sources.add(s.asText()));
        return sources;
    }

    private static JsonNode read(String json) {
        try {
            return JsonSupport.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getMessage(), e);
        }
    }

    private static void add(List<List<String>> rows, String path, String name, JsonNode value) {
        if (value.isObject() && value.has("distribution")) {
            rows.add(List.of(path, distribution(name, value)));
        } else if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                add(rows, path + "." + field.getKey(), field.getKey(), field.getValue());
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                // Tiers and fixed costs read by their names, not their positions.
                String label = item.has("name") ? item.get("name").asText() : Integer.toString(i + 1);
                add(rows, path + "[" + label + "]", name, item);
            }
        } else if (!(name.equals("name") && path.endsWith("].name"))) {
            rows.add(List.of(path, scalar(name, value)));
        }
    }

    /** "triangular: min 2.5, mode 2.99, max 3.6 ($ per GPU-hour)". */
    private static String distribution(String name, JsonNode value) {
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("distribution")) {
                parts.add(field.getKey() + " " + scalar(name, field.getValue()));
            }
        }
        return value.get("distribution").asText() + ": " + String.join(", ", parts);
    }

    static String scalar(String name, JsonNode value) {
        if (!value.isNumber()) {
            return value.asText();
        }
        double number = value.asDouble();
        String lower = name.toLowerCase(Locale.ROOT);
        if (SHARES.contains(name) || lower.endsWith("share") || lower.endsWith("rate") && !lower.contains("persecond")) {
            return Formats.percent(number);
        }
        if (lower.contains("usd")) {
            return Formats.usd(number) + unitAfterUsd(name);
        }
        if (lower.endsWith("seconds")) {
            return number < 1 ? Formats.millis(number) : Formats.number(number) + " s";
        }
        if (lower.contains("requestspersecond")) {
            return Formats.number(number) + " requests/s";
        }
        if (lower.endsWith("tokens") || lower.equals("mean") || lower.startsWith("p9") || lower.startsWith("p5")) {
            return Formats.number(number) + (lower.endsWith("tokens") || lower.equals("mean") || lower.startsWith("p") ? " tokens" : "");
        }
        if (lower.endsWith("months") || lower.endsWith("years") || lower.endsWith("watts") || lower.endsWith("hours")) {
            return Formats.number(number) + " " + lower.replaceAll(".*(months|years|watts|hours)$", "$1");
        }
        return Formats.number(number);
    }

    /** "usdPerMillionOutputTokens" → " per million output tokens". */
    private static String unitAfterUsd(String name) {
        int per = name.indexOf("Per");
        if (per < 0) {
            return "";
        }
        String words = name.substring(per).replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT).strip();
        return " " + words.replace("gpu hour", "GPU-hour").replace("gpu", "GPU");
    }
}
