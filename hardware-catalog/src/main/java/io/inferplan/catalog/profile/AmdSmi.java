package io.inferplan.catalog.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * AMD GPUs through the amd-smi or rocm-smi command (their JSON output), when ROCm is installed. The command is
 * given 10 seconds; not installed, failing or hanging is a plain note.
 */
public final class AmdSmi {
    private AmdSmi() {
    }

    public record Discovery(List<DeviceProfile> devices, String note) {
    }

    public static Discovery discover() {
        Discovery amdSmi = run(List.of("amd-smi", "static", "--asic", "--vram", "--json"), AmdSmi::fromAmdSmi);
        if (!amdSmi.devices().isEmpty()) {
            return amdSmi;
        }
        Discovery rocmSmi = run(List.of("rocm-smi", "--showproductname", "--showmeminfo", "vram", "--json"), AmdSmi::fromRocmSmi);
        if (!rocmSmi.devices().isEmpty()) {
            return rocmSmi;
        }
        return new Discovery(List.of(), "AMD: " + amdSmi.note() + "; " + rocmSmi.note());
    }

    interface Parser {
        List<DeviceProfile> parse(JsonNode root);
    }

    static Discovery run(List<String> command, Parser parser) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            return new Discovery(List.of(), command.getFirst() + " not installed");
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Discovery(List.of(), command.getFirst() + " did not answer within 10 s");
            }
            if (process.exitValue() != 0) {
                return new Discovery(List.of(), command.getFirst() + " failed (exit " + process.exitValue() + ")");
            }
            List<DeviceProfile> devices = parse(new String(out, StandardCharsets.UTF_8), parser);
            return new Discovery(devices, command.getFirst() + ": " + devices.size() + " AMD GPU(s)");
        } catch (IOException | RuntimeException e) {
            return new Discovery(List.of(), command.getFirst() + " output not understood: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Discovery(List.of(), command.getFirst() + " interrupted");
        }
    }

    static List<DeviceProfile> parse(String json, Parser parser) throws IOException {
        return parser.parse(JsonSupport.mapper().readTree(json));
    }

    /** amd-smi static --json: an array of {gpu, asic: {market_name, vendor_id, device_id}, vram: {size: {value, unit}}}. */
    static List<DeviceProfile> fromAmdSmi(JsonNode root) {
        List<DeviceProfile> devices = new ArrayList<>();
        JsonNode list = root.isArray() ? root : root.path("gpu_data");
        for (JsonNode gpu : list) {
            JsonNode asic = gpu.path("asic");
            String name = asic.path("market_name").asText("AMD GPU");
            String pci = pci(asic.path("vendor_id").asText(""), asic.path("device_id").asText(""));
            JsonNode size = gpu.path("vram").path("size");
            long bytes = size.isObject() ? toBytes(size.path("value").asDouble(0), size.path("unit").asText("MB")) : 0;
            devices.add(new DeviceProfile(name, "AMD", "amd-smi", "GPU", "ROCm", "", "", bytes, asic.path("num_compute_units").asInt(0),
                    0, true, pci, null, List.of(), List.of(), null));
        }
        return devices;
    }

    /** rocm-smi --json: {"card0": {"Card series": ..., "VRAM Total Memory (B)": ...}, ...}. */
    static List<DeviceProfile> fromRocmSmi(JsonNode root) {
        List<DeviceProfile> devices = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> card = it.next();
            if (!card.getKey().startsWith("card")) {
                continue;
            }
            JsonNode node = card.getValue();
            String name = node.path("Card Series").asText(node.path("Card series").asText("AMD GPU"));
            long bytes = node.path("VRAM Total Memory (B)").asLong(0);
            devices.add(new DeviceProfile(name, "AMD", "rocm-smi", "GPU", "ROCm", "", "", bytes, 0, 0, true, "", null,
                    List.of(), List.of(), null));
        }
        return devices;
    }

    private static String pci(String vendor, String device) {
        String v = vendor.toLowerCase(java.util.Locale.ROOT).replace("0x", "");
        String d = device.toLowerCase(java.util.Locale.ROOT).replace("0x", "");
        return v.matches("[0-9a-f]{4}") && d.matches("[0-9a-f]{4}") ? v + ":" + d : "";
    }

    private static long toBytes(double value, String unit) {
        return switch (unit.toUpperCase(java.util.Locale.ROOT)) {
            case "B" -> (long) value;
            case "KB" -> (long) (value * 1024);
            case "GB" -> (long) (value * 1024 * 1024 * 1024);
            default -> (long) (value * 1024 * 1024);
        };
    }
}
