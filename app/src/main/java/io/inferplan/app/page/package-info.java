/**
 * What every page of the main window shares: the {@link io.inferplan.app.page.PageView} contract the shell shows
 * pages through, and the {@link io.inferplan.app.page.TaskRunner} their view models run slow work on (the FX one in
 * the app, a same-thread one in tests).
 */
package io.inferplan.app.page;
