package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.text;

/** A monthly cost that does not move with volume: staff, software licences, a reserved-capacity floor. */
public record FixedCost(String name, double usdPerMonth) {
    public FixedCost {
        name = text("name", name);
        nonNegative("usdPerMonth", usdPerMonth, 1e12);
    }
}
