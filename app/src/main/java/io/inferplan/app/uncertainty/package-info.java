/**
 * The Uncertainty page: the Monte Carlo run of the open scenario (its own distributions and the standard ones),
 * the profit fan and histogram, the chance of breaking even, the drivers, and editing an input's distribution.
 */
package io.inferplan.app.uncertainty;
