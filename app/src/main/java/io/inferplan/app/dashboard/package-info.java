/**
 * The dashboard page: the scenario form beside the KPI tiles and the six charts of the open scenario ({@link io.inferplan.app.dashboard.DashboardView} over {@link io.inferplan.app.dashboard.DashboardViewModel}).
 */
package io.inferplan.app.dashboard;
