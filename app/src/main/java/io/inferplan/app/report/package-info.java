/**
 * File ▸ Export report...: the decision report of the open scenario, or of the Compare page's ticked scenarios,
 * written off the FX thread (ReportExportViewModel) after a file and paper choice (ReportExportDialog).
 */
package io.inferplan.app.report;
