/**
 * Evaluating the open scenario, with no view in it: the inputs an evaluation reads (catalog in use, own prices) and the one route their changes take, the two-phase evaluation service, the sweeps behind the charts and the records the charts draw.
 */
package io.inferplan.app.evaluation;
