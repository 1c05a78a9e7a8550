/**
 * Text in and out, shared by the command line and the desktop app (no JavaFX here): number formats with their units,
 * CSV cells safe from spreadsheet formulas, and user files read under a size ceiling.
 */
package io.inferplan.cli.text;
