/**
 * The scenario list beside every page: its FXML controller and its view model (open, create, rename, duplicate, delete with undo).
 */
package io.inferplan.app.scenarios;
