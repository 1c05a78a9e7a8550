/**
 * The main window and the composition root: the app's services built once at start ({@link io.inferplan.app.shell.AppCore}, {@link io.inferplan.app.shell.AppContext}), the pages wired into the window, menus, navigation and notifications. Pages never depend on it.
 */
package io.inferplan.app.shell;
