/**
 * The {@code inferplan} command line: the root command ({@link io.inferplan.cli.Cli}, also a {@code main} of its own
 * for a module path without JavaFX), one class per subcommand, and what they share (exit codes, the user's catalog,
 * scenario-file loading, text tables and reports).
 */
package io.inferplan.cli;
