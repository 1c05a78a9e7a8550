/**
 * The compare page: scenarios ticked side by side, figure by figure and by cost per million tokens
 * ({@link io.inferplan.app.compare.CompareViewModel} evaluates them and remembers the ticks).
 */
package io.inferplan.app.compare;
