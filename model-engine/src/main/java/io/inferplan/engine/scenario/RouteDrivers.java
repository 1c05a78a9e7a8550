package io.inferplan.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.scenario.Sensitivity.Driver;
import io.inferplan.engine.scenario.Sensitivity.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sensitivity inputs of a scenario with routes: one route's own inputs (its traffic share, request shape, layout
 * headroom, GPU price, escalation), and the scenario-wide ones that still apply when every route has its deployment.
 */
public final class RouteDrivers {
    private static final Pattern SHARE = Pattern.compile("routes\\[(\\d+)]\\.trafficShare");

    private RouteDrivers() {
    }

    /** The inputs of route {@code index} (named {@code name} in the labels). */
    public static List<Driver> of(Scenario scenario, int index) {
        String name = scenario.routes().get(index).name();
        String at = "routes[" + index + "].";
        String label = "Route " + name + " ";
        List<Driver> drivers = new ArrayList<>();
        drivers.add(Driver.of(label + "traffic share", "share", at + "trafficShare"));
        drivers.add(Driver.of(label + "input tokens", "tokens/request", at + "inputTokens.mean", at + "inputTokens.p90"));
        drivers.add(Driver.of(label + "output tokens", "tokens/request", at + "outputTokens.mean", at + "outputTokens.p90"));
        drivers.add(Driver.of(label + "planned utilisation", "share", at + "deployment.plannedUtilization"));
        drivers.add(Driver.of(label + "GPU rental rate", "USD/GPU-hour", at + "cost.usdPerGpuHour"));
        drivers.add(Driver.of(label + "GPU purchase price", "USD/GPU", at + "cost.priceUsdPerGpu", at + "cost.serverShareUsdPerGpu"));
        drivers.add(Driver.of(label + "escalation share", "share", at + "escalation.share"));
        drivers.add(Driver.of(label + "escalation GPU rate", "USD/GPU-hour", at + "escalation.to.cost.usdPerGpuHour"));
        return drivers;
    }

    /**
     * The standard inputs that move a routed evaluation (the top-level deployment's headroom does not: it is the
     * unrouted baseline), and every route's traffic share.
     */
    public static List<Driver> scenarioWide(Scenario scenario) {
        List<Driver> drivers = new ArrayList<>(Sensitivity.STANDARD.stream()
                .filter(d -> d.fields().stream().noneMatch(f -> f.path().startsWith("deployment.")))
                .toList());
        for (int i = 0; i < scenario.routes().size(); i++) {
            drivers.add(Driver.of("Route " + scenario.routes().get(i).name() + " traffic share", "share",
                    "routes[" + i + "].trafficShare"));
        }
        return drivers;
    }

    /**
     * After {@code path} moved a route's traffic share, the other routes' shares take up the difference in proportion,
     * so the shares still sum to 1 (moving one share alone would only ever give an invalid scenario).
     */
    static void rebalanceShares(JsonNode original, JsonNode moved, String path) {
        Matcher m = SHARE.matcher(path);
        if (!m.matches() || !(moved.get("routes") instanceof com.fasterxml.jackson.databind.node.ArrayNode routes)) {
            return;
        }
        int index = Integer.parseInt(m.group(1));
        double before = original.get("routes").get(index).path("trafficShare").asDouble();
        double after = routes.get(index).path("trafficShare").asDouble();
        if (before >= 1) {
            return;
        }
        double othersScale = (1 - after) / (1 - before);
        for (int i = 0; i < routes.size(); i++) {
            if (i != index && routes.get(i) instanceof ObjectNode route && route.has("trafficShare")) {
                route.put("trafficShare", route.get("trafficShare").asDouble() * othersScale);
            }
        }
    }
}
