package io.inferplan.engine.sim;

/**
 * Seconds one engine step takes for the work scheduled into it. The simulator calls it once per step, so an
 * implementation must be cheap and must not allocate.
 */
public interface StepTimeSource {
    /**
     * @param prefillTokens            prompt tokens computed in this step (all chunks together)
     * @param prefillMeanContextTokens mean number of earlier tokens those prompt tokens attend to
     * @param decodeSequences          sequences decoding one step (each emits one token, more with speculation)
     * @param decodeMeanContextTokens  their mean context (prompt plus tokens generated so far)
     */
    double stepSeconds(int prefillTokens, double prefillMeanContextTokens, int decodeSequences, double decodeMeanContextTokens);
}
