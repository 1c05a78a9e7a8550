/**
 * The sensitivity page: what moves the open scenario's result most, each input moved down and up, computed off the FX thread with progress and cancel.
 */
package io.inferplan.app.sensitivity;
