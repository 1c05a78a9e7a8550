/** The report as records (sections of paragraphs, tables and charts): built once, drawn by each renderer. */
package io.inferplan.report.document;
