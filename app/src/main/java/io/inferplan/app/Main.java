package io.inferplan.app;

import javafx.application.Application;

/** One launcher for both faces of InferPlan: no arguments opens the desktop app, anything else is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(InferPlanApp.class, args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
