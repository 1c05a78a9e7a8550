/**
 * The scenario form: one field editor per document path (units, ranges, parsing), the pricing tier table, and the open scenario's session with its undo history.
 */
package io.inferplan.app.editor;
