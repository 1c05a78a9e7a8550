package io.inferplan.app.optimize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.optimize.Candidate;
import io.inferplan.engine.optimize.RankedConfiguration;
import io.inferplan.engine.scenario.DeploymentPlan;

/**
 * A found configuration written into a scenario document: the deployment's part, layout, precisions, stack and
 * speculative decoding, and the price the search compared the part at. Every other field (model, batch limit,
 * planned utilisation, the workload, the tiers) stays as the user set it, so the scenario evaluates to the row's
 * figures.
 */
public final class ConfigurationEdit {
    private ConfigurationEdit() {
    }

    public static void apply(ObjectNode document, RankedConfiguration configuration, Candidate pricedAs) {
        DeploymentPlan plan = configuration.plan();
        ObjectNode deployment = document.withObject("/deployment");
        deployment.remove("customAccelerator");
        deployment.put("accelerator", plan.accelerator());
        deployment.put("tensorParallel", plan.tensorParallel());
        deployment.put("pipelineParallel", plan.pipelineParallel());
        deployment.put("expertParallel", plan.expertParallel());
        deployment.put("weightPrecision", plan.weightPrecision().name());
        deployment.put("kvPrecision", plan.kvPrecision().name());
        if (plan.activationPrecision() == null) {
            deployment.remove("activationPrecision");
        } else {
            deployment.put("activationPrecision", plan.activationPrecision().name());
        }
        deployment.put("servingStack", plan.servingStack().name());
        if (plan.speculative() == null) {
            deployment.remove("speculative");
        }
        ObjectNode cost = document.withObject("/cost");
        switch (pricedAs.cost()) {
            case CostModel.Rent rent -> {
                if (!"rent".equals(cost.path("basis").asText())) {
                    return;
                }
                cost.put("term", rent.term().toString());
                cost.put("usdPerGpuHour", rent.usdPerGpuHour());
                cost.put("source", rent.source());
            }
            case CostModel.Own own -> {
                if (!"own".equals(cost.path("basis").asText())) {
                    return;
                }
                cost.put("priceUsdPerGpu", own.priceUsdPerGpu());
                cost.put("source", own.source());
            }
        }
    }
}
