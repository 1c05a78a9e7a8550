/**
 * The charts: each builder takes records (engine results, {@code evaluation} sweeps) and a theme's style and returns a JFreeChart; {@link io.inferplan.app.charts.ChartCard} shows one on a page with its PNG, SVG and CSV export.
 */
package io.inferplan.app.charts;
