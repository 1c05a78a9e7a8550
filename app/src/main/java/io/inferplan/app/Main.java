package io.inferplan.app;

import io.inferplan.app.shell.OpenedFiles;
import io.inferplan.app.smoke.SmokeTest;
import javafx.application.Application;

/**
 * One launcher for both faces of InferPlan: no arguments opens the desktop app, scenario files as the only
 * arguments open the app with them imported, {@code --smoke-test} opens it and closes it again by itself (CI and
 * packaging checks), anything else is the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(InferPlanApp.class);
        } else if (OpenedFiles.areScenarioFiles(args)) {
            // A desktop double-click on *.inferplan.json arrives as arguments: open them in the app, not the CLI.
            OpenedFiles.remember(args);
            Application.launch(InferPlanApp.class);
        } else if (args[0].equals(SmokeTest.FLAG)) {
            SmokeTest.configure(args);
            Application.launch(InferPlanApp.class);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
