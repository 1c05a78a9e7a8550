/**
 * "Solve for…" from a dashboard tile: the goal seek's form (target, the input to move, the tier), run off the FX
 * thread with progress and cancel, and its answer applied to the open scenario as one undoable edit.
 */
package io.inferplan.app.solve;
