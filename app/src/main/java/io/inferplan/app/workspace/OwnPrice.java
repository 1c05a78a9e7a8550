package io.inferplan.app.workspace;

/** A user's quote for one accelerator; null where they gave none. */
public record OwnPrice(String acceleratorId, Double usdPerGpuHour, Double capexUsdPerGpu, String note) {

    /** The prices per GPU-hour of these own prices, by accelerator id (entries with only a capex are left out). */
    public static java.util.Map<String, Double> rates(java.util.Map<String, OwnPrice> prices) {
        java.util.Map<String, Double> rates = new java.util.HashMap<>();
        prices.values().forEach(price -> {
            if (price.usdPerGpuHour() != null) {
                rates.put(price.acceleratorId(), price.usdPerGpuHour());
            }
        });
        return rates;
    }
}
