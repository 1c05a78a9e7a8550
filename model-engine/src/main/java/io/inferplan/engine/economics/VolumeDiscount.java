package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;

/**
 * One bracket of a volume discount: a customer's tokens above {@code fromMillionTokensPerMonth} in a month are
 * discounted by {@code discountShare}, up to where the next bracket starts. Brackets are marginal, like tax
 * brackets, so using more never lowers a customer's bill.
 */
public record VolumeDiscount(double fromMillionTokensPerMonth, double discountShare) {
    public VolumeDiscount {
        nonNegative("fromMillionTokensPerMonth", fromMillionTokensPerMonth, 1e12);
        inRange("discountShare", discountShare, 0, 1);
    }
}
