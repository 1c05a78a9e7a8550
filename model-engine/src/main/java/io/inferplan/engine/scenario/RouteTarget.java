package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.present;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.economics.CostModel;

/**
 * Where a share of the traffic runs: a model on its own deployment, optionally with its own request shape and its
 * own GPU cost. The target of a cascade's escalation ({@link RouteEscalation#to()}); a {@link Route} has the same
 * fields beside its name and share.
 *
 * @param model        bundled model name or alias; fills {@code deployment.model} when the deployment names none
 * @param inputTokens  this target's prompt tokens per request (null: the scenario workload's)
 * @param outputTokens this target's visible output tokens per request (null: the scenario workload's)
 * @param deployment   the fields of the top-level deployment block
 * @param cost         rent or own for this deployment's GPUs (null: the scenario's cost block)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteTarget(String model, TokenDistribution inputTokens, TokenDistribution outputTokens,
                          DeploymentPlan deployment, CostModel cost) {

    public RouteTarget {
        present("deployment", deployment);
        model = agreedModel(model, deployment);
    }

    @JsonCreator
    static RouteTarget fromJson(@JsonProperty("model") String model, @JsonProperty("inputTokens") TokenDistribution inputTokens,
                                @JsonProperty("outputTokens") TokenDistribution outputTokens,
                                @JsonProperty("deployment") ObjectNode deployment, @JsonProperty("cost") CostModel cost) {
        return new RouteTarget(model, inputTokens, outputTokens, plan(model, deployment), cost);
    }

    /**
     * The deployment block read with the route's {@code model} in it: a route names its model beside its deployment
     * (as the brief of a router reads), while the deployment record needs one of its own.
     */
    static DeploymentPlan plan(String model, ObjectNode deployment) {
        present("deployment", deployment);
        ObjectNode withModel = deployment.deepCopy();
        if (model != null && !model.isBlank() && !withModel.has("model") && !withModel.has("customModel")) {
            withModel.put("model", model);
        }
        try {
            return JsonSupport.mapper().treeToValue(withModel, DeploymentPlan.class);
        } catch (JsonProcessingException e) {
            throw JsonSupport.translate(e, "deployment");
        }
    }

    /** The model as the deployment names it; a different name beside it is an error rather than a silent choice. */
    static String agreedModel(String model, DeploymentPlan deployment) {
        String given = model == null || model.isBlank() ? null : model.strip();
        if (given != null && deployment.model() != null && !given.equals(deployment.model())) {
            throw new InvalidInputException("model", "names '" + given + "' but deployment.model names '" + deployment.model()
                    + "'; give the model once");
        }
        if (given != null && deployment.model() == null) {
            throw new InvalidInputException("model", "names '" + given + "' but the deployment has a customModel; give one of them");
        }
        return deployment.model();
    }
}
