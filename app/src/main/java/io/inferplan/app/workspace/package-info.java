/**
 * The workspace: the user's scenarios, settings, recent files and own prices in an H2 file, with migrations, backups, recovery of a damaged file and a lock against a second instance.
 */
package io.inferplan.app.workspace;
