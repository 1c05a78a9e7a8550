/** The PDF renderer: pages, wrapped text, tables that break between rows, charts as vector paths, embedded fonts. */
package io.inferplan.report.pdf;
