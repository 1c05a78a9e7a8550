/**
 * Where view models run slow work: the {@link io.inferplan.app.tasks.TaskRunner} contract, the app's runner on the
 * background workers reporting on the FX thread, and a same-thread one for tests.
 */
package io.inferplan.app.tasks;
