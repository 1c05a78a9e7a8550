package io.inferplan.cli.calibration;

import java.util.Locale;

/** Where a configuration's weight precision came from, so that the output can say it. */
public enum WeightPrecisionOrigin {
    /** The weight_precision column or --weight-precision. */
    GIVEN,
    /** The model name's precision suffix ("-FP8", "-NVFP4", "-AWQ"), because none was given. */
    MODEL_NAME,
    /** The command's default, because neither the user nor the model name gave one. */
    DEFAULT;

    /** "given", "model-name" or "default", as in --json and the cases file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
