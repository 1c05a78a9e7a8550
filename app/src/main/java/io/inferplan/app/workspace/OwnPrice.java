package io.inferplan.app.workspace;

/** A user's quote for one accelerator; null where they gave none. */
public record OwnPrice(String acceleratorId, Double usdPerGpuHour, Double capexUsdPerGpu, String note) {
}
