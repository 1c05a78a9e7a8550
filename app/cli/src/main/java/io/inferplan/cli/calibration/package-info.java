/**
 * Calibration and validation cases for {@code estimate --cases} and {@code calibrate}: CSV tables of rows (model,
 * accelerator, shape, measured figures), resolved to engine inputs, evaluated, and scored against the measurements.
 */
package io.inferplan.cli.calibration;
