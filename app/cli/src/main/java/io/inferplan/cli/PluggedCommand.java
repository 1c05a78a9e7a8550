package io.inferplan.cli;

/**
 * A subcommand that lives in a module the command line cannot depend on (the report needs the chart and PDF
 * libraries, which the command line must never pull in). Such a module {@code provides} this service; {@link Cli}
 * finds it through {@link java.util.ServiceLoader} when the module is on the module path.
 */
public interface PluggedCommand {
    /** The subcommand's name, as typed after {@code inferplan}. */
    String name();

    /** A fresh picocli command object (annotated with {@code @Command}) for one run. */
    Object command();
}
