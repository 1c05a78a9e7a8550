package io.inferplan.app;

import io.inferplan.engine.EngineInfo;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.app.cli.CliSupport;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: batch use of the same engine the app runs on. */
@Command(name = "inferplan", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Capacity planning and cost modelling for LLM inference.",
        footer = "%nWith no arguments, inferplan opens the desktop app.")
public final class Cli implements Runnable {

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The root command with every subcommand registered; one line per command. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli());
        // Subcommands (each in io.inferplan.app.cli):
        cli.addSubcommand(new io.inferplan.app.cli.EstimateCommand());
        cli.addSubcommand(new io.inferplan.app.cli.CalibrateCommand());
        cli.addSubcommand(new io.inferplan.app.cli.EvaluateCommand());
        cli.addSubcommand(new io.inferplan.app.cli.CompareCommand());
        cli.addSubcommand(new io.inferplan.app.cli.SensitivityCommand());
        cli.addSubcommand(new io.inferplan.app.cli.SimulateCommand());
        cli.addSubcommand(new io.inferplan.app.cli.CatalogCommand());
        cli.addSubcommand(new io.inferplan.app.cli.ProfileCommand());
        cli.addSubcommand(new io.inferplan.app.cli.OptimizeCommand());
        cli.setExecutionExceptionHandler(Cli::reportFailure);
        return cli;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }

    /** A one-line message a user understands, never a stack trace (set INFERPLAN_DEBUG=1 to see one). */
    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (System.getenv("INFERPLAN_DEBUG") != null) {
            e.printStackTrace(err);
        }
        if (e instanceof InvalidInputException) {
            err.println("error: " + e.getMessage());
            return CliSupport.INPUT_ERROR;
        }
        err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        return CliSupport.FAILURE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {EngineInfo.NAME + " " + EngineInfo.version()};
        }
    }
}
