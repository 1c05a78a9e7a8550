/** `inferplan report`, plugged into the command line as a service. */
package io.inferplan.report.cli;
