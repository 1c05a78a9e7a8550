/**
 * The decision report: {@link io.inferplan.report.Reports} gathers a scenario's facts as the pages do, builds the
 * document and writes it as PDF or HTML through {@link io.inferplan.report.ReportFiles} (temporary file, then one move).
 */
package io.inferplan.report;
