/**
 * The workspace database's migrations, applied in order by Flyway: never edited once released, only added to.
 */
package io.inferplan.app.workspace.migration;
