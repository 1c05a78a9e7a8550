package io.inferplan.app;

import io.inferplan.engine.EngineInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: batch use of the same engine the app runs on. */
@Command(name = "inferplan", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Capacity planning and cost modelling for LLM inference.")
public final class Cli implements Runnable {

    public static int run(String... args) {
        return new CommandLine(new Cli()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {EngineInfo.NAME + " " + EngineInfo.version()};
        }
    }
}
