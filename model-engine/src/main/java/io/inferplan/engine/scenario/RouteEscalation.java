package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

/**
 * A cascade: every request of the route runs on its (small) model, and {@code share} of them run again on the larger
 * target, paying both and waiting for both.
 *
 * @param share share of the route's requests that escalate, 0-1
 * @param to    the larger model and its deployment
 */
public record RouteEscalation(Double share, RouteTarget to) {
    public RouteEscalation {
        present("share", share);
        share = inRange("share", share, 0, 1);
        present("to", to);
    }
}
