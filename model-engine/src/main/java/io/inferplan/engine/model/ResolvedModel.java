package io.inferplan.engine.model;

import static io.inferplan.engine.Checks.present;

import java.util.Optional;

/**
 * A model name resolved to a preset: the architecture, and the weight precision the name implies when it ends in a
 * precision suffix ("-FP8", "-NVFP4", "-AWQ"...), which becomes the estimate's default when the user gives none.
 *
 * @param model           the preset the name denotes
 * @param precisionSuffix the suffix as written in the name ("FP8-Dynamic", "GPTQ-Int4"), empty when none
 * @param impliedPrecision the weight precision that suffix means, null when the name has none
 */
public record ResolvedModel(ModelSpec model, String precisionSuffix, Precision impliedPrecision) {
    public ResolvedModel {
        present("model", model);
        precisionSuffix = precisionSuffix == null ? "" : precisionSuffix;
        if ((impliedPrecision == null) != precisionSuffix.isEmpty()) {
            throw new IllegalArgumentException("precisionSuffix and impliedPrecision go together");
        }
    }

    /** A preset named without a precision suffix. */
    public static ResolvedModel plain(ModelSpec model) {
        return new ResolvedModel(model, "", null);
    }

    public Optional<Precision> impliedWeightPrecision() {
        return Optional.ofNullable(impliedPrecision);
    }
}
