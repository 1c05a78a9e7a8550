/**
 * The light and dark themes: their style sheets live beside this package's resources; charts take their colours from the theme through {@code charts.ChartStyle}.
 */
package io.inferplan.app.theme;
