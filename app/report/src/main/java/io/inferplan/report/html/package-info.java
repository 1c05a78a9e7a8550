/** The HTML renderer: one self-contained file, charts as inline SVG. */
package io.inferplan.report.html;
