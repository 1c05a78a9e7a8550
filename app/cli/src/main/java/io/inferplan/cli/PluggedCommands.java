package io.inferplan.cli;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The subcommands other modules plug in ({@link PluggedCommand}); for a known one that this install lacks, a stand-in
 * that says so instead of picocli's "unknown command".
 */
final class PluggedCommands {
    /** Commands that come from modules of their own, with the module that brings each. */
    private static final java.util.Map<String, String> EXPECTED = java.util.Map.of("report", "io.inferplan.report");

    private PluggedCommands() {
    }

    static void addTo(CommandLine cli) {
        Set<String> added = new TreeSet<>();
        for (PluggedCommand plugged : ServiceLoader.load(PluggedCommand.class, PluggedCommands.class.getClassLoader())) {
            if (added.add(plugged.name())) {
                cli.addSubcommand(plugged.name(), plugged.command());
            }
        }
        EXPECTED.forEach((name, module) -> {
            if (!added.contains(name)) {
                cli.addSubcommand(name, new Missing(name, module));
            }
        });
    }

    /** Stands in for a plugged command whose module is not on the module path. */
    @Command(mixinStandardHelpOptions = true, description = "Not available in this install (its module is missing).")
    static final class Missing implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        // Whatever was typed after the name: the message is the same.
        @CommandLine.Unmatched
        java.util.List<String> ignored;

        private final String name;
        private final String module;

        Missing(String name, String module) {
            this.name = name;
            this.module = module;
        }

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("error: `inferplan " + name + "` is not available: this install lacks the "
                    + module + " module (run it with ./inferplan from the source tree, or an install that includes it)");
            return ExitCodes.FAILURE;
        }
    }
}
