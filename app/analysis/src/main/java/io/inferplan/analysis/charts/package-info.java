/**
 * The charts: each builder takes records (engine results, the analyzer's sweeps) and a {@link io.inferplan.analysis.charts.ChartStyle}
 * and returns a JFreeChart, drawn by the desktop app's chart cards and printed as vector graphics by the report;
 * {@link io.inferplan.analysis.charts.ChartExporter} writes one as PNG, SVG or CSV.
 */
package io.inferplan.analysis.charts;
