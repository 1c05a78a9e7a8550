/**
 * CSV cells written so that a spreadsheet never runs them as formulas.
 */
package io.inferplan.app.csv;
