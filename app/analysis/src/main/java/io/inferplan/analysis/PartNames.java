package io.inferplan.analysis;

/** Accelerator and family names as tables and charts show them next to a vendor column or legend. */
public final class PartNames {
    private static final String[] VENDOR_PREFIXES = {"NVIDIA ", "AMD Instinct ", "AMD ", "Google Cloud ", "Google ", "Intel ", "AWS "};

    private PartNames() {
    }

    /** "NVIDIA H100 SXM5 80GB" as "H100 SXM5 80GB": the vendor is said elsewhere, the product is what tells parts apart. */
    public static String withoutVendor(String name) {
        if (name == null) {
            return "";
        }
        for (String vendor : VENDOR_PREFIXES) {
            if (name.startsWith(vendor) && name.length() > vendor.length()) {
                return name.substring(vendor.length());
            }
        }
        return name;
    }
}
