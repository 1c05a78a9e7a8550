package io.inferplan.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An accelerator name as MLPerf tables, vendor pages, cloud consoles and nvidia-smi write it, read as its parts:
 * vendor ("NVIDIA", "AMD Instinct"), product ("H200", "MI325X", "RTX PRO 6000"), form factor ("SXM5", "HGX",
 * "OAM", "PCIe", "NVL") and memory ("141GB", "141 GB"). Case, spaces, dashes and word order do not matter:
 * "NVIDIA H200 SXM 141GB", "H200-SXM-141GB" and "HGX H200" name one part.
 *
 * @param vendor     the vendor named, lower case, empty when none
 * @param product    the product with separators removed, lower case ("h200", "rtxpro6000"), empty when none is left
 * @param formFactor the form factor named, {@link FormFactor#ANY} when none
 * @param memoryGB   the memory capacity named, 0 when none
 */
public record AcceleratorName(String vendor, String product, FormFactor formFactor, double memoryGB) {

    /** Form factors that tell parts of one product apart. */
    public enum FormFactor {
        /** Not named: any form factor of the product. */
        ANY,
        /** A baseboard module: SXM4/5/6, on an HGX or DGX board. */
        SXM,
        /** OCP accelerator module (AMD Instinct, Intel Gaudi). */
        OAM,
        /** A PCIe card. */
        PCIE,
        /** PCIe cards joined by NVLink bridges (H100 NVL, H200 NVL). */
        NVL,
        /** A Grace superchip or a rack of them (GH200, GB200 NVL72). */
        SUPERCHIP
    }

    public AcceleratorName {
        vendor = vendor == null ? "" : vendor;
        product = product == null ? "" : product;
        formFactor = formFactor == null ? FormFactor.ANY : formFactor;
        if (!(memoryGB >= 0) || Double.isInfinite(memoryGB)) {
            throw new IllegalArgumentException("memoryGB must be 0 or more, was " + memoryGB);
        }
    }

    public boolean hasMemory() {
        return memoryGB > 0;
    }

    private static final Set<String> VENDORS = Set.of("nvidia", "amd", "intel", "google", "aws", "amazon", "habana");
    /** Product-line and marketing words that do not tell parts apart. */
    private static final Set<String> NOISE = Set.of("instinct", "tesla", "geforce", "tensor", "core", "gpu", "gpus",
            "accelerator", "module", "card", "datacenter", "cloud", "hbm", "hbm2", "hbm2e", "hbm3", "hbm3e", "lpddr5x",
            "gddr6", "gddr6x", "gddr7", "memory", "with", "x");
    /** Architecture names: dropped when a product is also named ("NVIDIA Blackwell B200"), kept otherwise ("Blackwell Ultra"). */
    private static final Set<String> ARCHITECTURES = Set.of("ampere", "hopper", "blackwell", "grace", "ada", "lovelace", "cdna3", "cdna4");
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:gb|g|gib)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    /** Reads a name; never fails (a name with no product left has an empty product). */
    public static AcceleratorName parse(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        // Decimal points belong to memory sizes ("94.5GB"); every other character separates tokens.
        List<String> tokens = new ArrayList<>(List.of(lower.split("[^a-z0-9.]+")));
        tokens.removeIf(t -> t.isEmpty() || t.equals("."));
        String vendor = "";
        FormFactor formFactor = FormFactor.ANY;
        double memory = 0;
        List<String> productTokens = new ArrayList<>();
        List<String> withArchitectures = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            Matcher memoryMatch = MEMORY.matcher(token);
            FormFactor tokenFormFactor = formFactorOf(token);
            if (memoryMatch.matches()) {
                memory = Double.parseDouble(memoryMatch.group(1));
            } else if (NUMBER.matcher(token).matches() && i + 1 < tokens.size() && tokens.get(i + 1).matches("gb|gib")) {
                memory = Double.parseDouble(token);
                i++;
            } else if (tokenFormFactor != null) {
                formFactor = stronger(formFactor, tokenFormFactor);
            } else if (VENDORS.contains(token) && productTokens.isEmpty()) {
                vendor = token;
            } else if (ARCHITECTURES.contains(token)) {
                withArchitectures.add(token);
            } else if (!NOISE.contains(token) && !VENDORS.contains(token)) {
                productTokens.add(token.replace(".", ""));
                withArchitectures.add(token.replace(".", ""));
            }
        }
        // Product names carry a digit (B200, MI325X, Gaudi 3); without one the architecture words are the name.
        boolean named = productTokens.stream().anyMatch(t -> t.matches(".*\\d.*"));
        String product = String.join("", named ? productTokens : withArchitectures);
        return new AcceleratorName(vendor, product, formFactor, memory);
    }

    private static FormFactor formFactorOf(String token) {
        return switch (token) {
            case "sxm", "sxm2", "sxm3", "sxm4", "sxm5", "sxm6", "hgx", "dgx" -> FormFactor.SXM;
            case "oam" -> FormFactor.OAM;
            case "pcie", "pci", "pcie4", "pcie5" -> FormFactor.PCIE;
            case "nvl" -> FormFactor.NVL;
            case "superchip", "nvl2", "nvl4", "nvl36", "nvl72", "nvl144" -> FormFactor.SUPERCHIP;
            default -> null;
        };
    }

    /**
     * When a name carries two form-factor words the more specific one wins: an H100 NVL is also a PCIe card, a
     * GB200 NVL72 is a superchip rack, a DGX is built from SXM modules.
     */
    static FormFactor stronger(FormFactor a, FormFactor b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(FormFactor f) {
        return switch (f) {
            case ANY -> 0;
            case PCIE -> 1;
            case OAM -> 2;
            case SXM -> 3;
            case SUPERCHIP -> 4;
            case NVL -> 5;
        };
    }
}
