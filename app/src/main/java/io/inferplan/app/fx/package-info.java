/**
 * Small JavaFX helpers every page uses: table columns, FXML loading, the page heading, run controls, the viewport charts draw in, and the background workers the task runner runs on.
 */
package io.inferplan.app.fx;
