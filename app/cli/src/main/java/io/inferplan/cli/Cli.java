package io.inferplan.cli;

import io.inferplan.engine.EngineInfo;
import io.inferplan.engine.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The command line: batch use of the same engine the app runs on. */
@Command(name = "inferplan", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Capacity planning and cost modelling for LLM inference.",
        footer = "%nWith no arguments, inferplan opens the desktop app.")
public final class Cli implements Runnable {

    /** The command line on its own (the launcher's headless path: no JavaFX on the module path). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The root command with every subcommand registered, one line per command, in the order --help lists them. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli());
        cli.addSubcommand(new EstimateCommand());
        cli.addSubcommand(new CalibrateCommand());
        cli.addSubcommand(new EvaluateCommand());
        cli.addSubcommand(new CompareCommand());
        cli.addSubcommand(new SensitivityCommand());
        cli.addSubcommand(new UncertaintyCommand());
        cli.addSubcommand(new SolveCommand());
        cli.addSubcommand(new SimulateCommand());
        cli.addSubcommand(new CatalogCommand());
        cli.addSubcommand(new ProfileCommand());
        cli.addSubcommand(new OptimizeCommand());
        PluggedCommands.addTo(cli);
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
            return ExitCodes.INPUT_ERROR;
        }
        err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        return ExitCodes.FAILURE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {EngineInfo.NAME + " " + EngineInfo.version()};
        }
    }
}
