/**
 * The projection page: the open scenario month by month, as a chart and a table with a CSV export.
 */
package io.inferplan.app.projection;
