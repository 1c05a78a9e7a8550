/**
 * Small JavaFX helpers every page uses: table columns, FXML loading, part names, number formats, and the background workers the task runner runs on.
 */
package io.inferplan.app.fx;
