package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;

/**
 * One route of a scenario's traffic: a share of its requests on a model of its own deployment, optionally a cascade
 * escalating a share of them to a larger model. The customer's tier prices stay the scenario's.
 *
 * @param trafficShare share of the scenario's requests on this route, in (0, 1]; all routes' shares sum to 1
 * @param model        bundled model name or alias (fills {@code deployment.model})
 * @param inputTokens  prompt tokens per request on this route (null: the workload's)
 * @param outputTokens visible output tokens per request on this route (null: the workload's)
 * @param cost         rent or own for this route's GPUs (null: the scenario's cost block)
 * @param escalation   a cascade's escalation (null: none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Route(String name, Double trafficShare, String model, TokenDistribution inputTokens,
                    TokenDistribution outputTokens, DeploymentPlan deployment, CostModel cost, RouteEscalation escalation) {

    public Route {
        name = text("name", name);
        present("trafficShare", trafficShare);
        if (!(trafficShare > 0 && trafficShare <= 1)) {
            throw new InvalidInputException("trafficShare", "must be above 0 and at most 1 (a share of the requests), was "
                    + trafficShare);
        }
        present("deployment", deployment);
        model = RouteTarget.agreedModel(model, deployment);
    }

    @JsonCreator
    static Route fromJson(@JsonProperty("name") String name, @JsonProperty("trafficShare") Double trafficShare,
                          @JsonProperty("model") String model, @JsonProperty("inputTokens") TokenDistribution inputTokens,
                          @JsonProperty("outputTokens") TokenDistribution outputTokens,
                          @JsonProperty("deployment") ObjectNode deployment, @JsonProperty("cost") CostModel cost,
                          @JsonProperty("escalation") RouteEscalation escalation) {
        return new Route(name, trafficShare, model, inputTokens, outputTokens, RouteTarget.plan(model, deployment), cost,
                escalation);
    }

    /** What every request of the route runs on. */
    public RouteTarget target() {
        return new RouteTarget(model, inputTokens, outputTokens, deployment, cost);
    }

    public Route withDeployment(DeploymentPlan newDeployment) {
        return new Route(name, trafficShare, newDeployment.model(), inputTokens, outputTokens, newDeployment, cost, escalation);
    }
}
