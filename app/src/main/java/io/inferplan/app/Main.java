package io.inferplan.app;

import io.inferplan.app.shell.OpenedFiles;
import io.inferplan.app.smoke.SmokeTest;
import io.inferplan.cli.Cli;
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
            launchDesktop();
        } else if (OpenedFiles.areScenarioFiles(args)) {
            // A desktop double-click on *.inferplan.json arrives as arguments: open them in the app, not the CLI.
            OpenedFiles.remember(args);
            launchDesktop();
        } else if (args[0].equals(SmokeTest.FLAG)) {
            SmokeTest.configure(args);
            launchDesktop();
        } else {
            System.exit(Cli.run(args));
        }
    }

    private static void launchDesktop() {
        if (noDisplay()) {
            // JavaFX would end in a stack trace ("Unable to open DISPLAY"): say what is wrong and what still works.
            System.err.println("InferPlan's window needs a graphical display, and this session has none (DISPLAY and "
                    + "WAYLAND_DISPLAY are not set). Start it from a desktop session, or use the command line: inferplan --help");
            System.exit(2);
        }
        java.util.Optional<String> missing = DesktopLibraries.missingToolkit(System.getProperty("os.name", ""),
                System.getProperty("glass.platform", ""));
        if (missing.isPresent()) {
            System.err.println(missing.get());
            System.exit(2);
        }
        Application.launch(InferPlanApp.class);
    }

    private static boolean noDisplay() {
        return noDisplay(System.getProperty("os.name", ""), System.getProperty("glass.platform", ""),
                System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"));
    }

    /** On Linux without X11 or Wayland, unless JavaFX was told to run headless. */
    static boolean noDisplay(String osName, String glassPlatform, String display, String waylandDisplay) {
        boolean linux = osName.toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headless = DesktopLibraries.isHeadless(glassPlatform);
        return linux && !headless && isBlank(display) && isBlank(waylandDisplay);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
