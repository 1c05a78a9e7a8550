package io.inferplan.app.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.inferplan.app.shell.AppContext;
import io.inferplan.app.shell.MainWindow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * {@code inferplan --smoke-test [--screenshot FILE.png] [--timeout SECONDS]}: starts the real app on a fresh
 * temporary workspace (the samples), waits until the first sample's dashboard has its charts drawn, writes a PNG
 * of the main window, makes one edit and times it to the redrawn charts, then exits 0. Any failure or the timeout
 * exits 1 with one line saying why. Needs no input.
 */
public final class SmokeTest {
    public static final String FLAG = "--smoke-test";
    private static final Map<MainWindow, AppContext> CONTEXTS = new WeakHashMap<>();
    private static volatile boolean active;
    private static Path screenshot;
    private static long timeoutSeconds = 120;
    private static Path dataDirectory;
    private static io.inferplan.app.shell.Page page;
    private static io.inferplan.app.theme.Theme theme;

    private SmokeTest() {
    }

    public static boolean active() {
        return active;
    }

    public static void configure(String[] args) {
        active = true;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, "--screenshot needs a file name"));
                case "--timeout" -> timeoutSeconds = Long.parseLong(value(args, ++i, "--timeout needs seconds"));
                // For documentation screenshots: which page, in which theme.
                case "--page" -> page = io.inferplan.app.shell.Page.valueOf(value(args, ++i, "--page needs a page name").toUpperCase(java.util.Locale.ROOT));
                case "--theme" -> theme = io.inferplan.app.theme.Theme.parse(value(args, ++i, "--theme needs light or dark"));
                default -> fail("unknown smoke-test option " + args[i] + " (use --screenshot FILE.png, --timeout SECONDS, --page NAME, --theme dark)");
            }
        }
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(timeoutSeconds);
                fail("the dashboard was not drawn within " + timeoutSeconds + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "smoke-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    public static synchronized Path temporaryDataDirectory() {
        if (dataDirectory == null) {
            try {
                dataDirectory = Files.createTempDirectory("inferplan-smoke-");
            } catch (IOException e) {
                fail("cannot create a temporary workspace: " + e.getMessage());
            }
        }
        return dataDirectory;
    }

    static AppContext contextOf(MainWindow window) {
        return CONTEXTS.get(window);
    }

    public static void register(MainWindow window, AppContext context) {
        CONTEXTS.put(window, context);
    }

    /** Called on the FX thread once the window is up. */
    public static void run(MainWindow window, AppContext context) {
        waitForCharts(window, 0, () -> {
            long firstDrawnMillis = Timing.sinceLaunchMillis();
            if (page != null || theme != null) {
                if (theme != null) {
                    context.themeProperty().set(theme);
                }
                if (page != null) {
                    window.controller().show(page);
                }
                // Let the page evaluate and lay out (Compare evaluates its scenarios in the background; Latency
                // simulates): the screenshot waits until no progress indicator of the page is running.
                io.inferplan.app.fx.Pulses.after(90, () -> whenIdle(window, () -> screenshotAndMeasure(window, context, firstDrawnMillis)));
            } else {
                screenshotAndMeasure(window, context, firstDrawnMillis);
            }
        });
    }

    private static void screenshotAndMeasure(MainWindow window, AppContext context, long firstDrawnMillis) {
        {
            try {
                if (screenshot != null) {
                    writeScreenshot(window);
                    System.out.println("smoke-test: wrote " + screenshot.toAbsolutePath());
                }
            } catch (IOException | RuntimeException e) {
                fail("cannot write the screenshot: " + e.getMessage());
            }
            // The edit is timed on a settled dashboard, as a user makes it: not while the start's accelerator sweep
            // and simulated sizing still hold the workers.
            whenSettled(context, () -> timeOneEdit(window, context, firstDrawnMillis));
        }
    }

    private static void whenSettled(AppContext context, Runnable then) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                var analysis = context.evaluation().analysisProperty().get();
                if (analysis != null && analysis.acceleratorSweepDone() && analysis.sizingDone()
                        && !context.evaluation().warmingUpProperty().get()) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    private static void timeOneEdit(MainWindow window, AppContext context, long firstDrawnMillis) {
        {
            long drawnBefore = window.dashboard().chartsDrawn();
            long editStart = System.nanoTime();
            // An edit every scenario has: the mean output tokens per request, 10% more.
            JsonNode output = context.session().get("workload.outputTokens.mean");
            double current = output == null ? 100 : output.asDouble();
            context.session().set("workload.outputTokens.mean", DoubleNode.valueOf(Math.round(current * 1.1)));
            waitForCharts(window, drawnBefore, () -> {
                long editMillis = (System.nanoTime() - editStart) / 1_000_000;
                System.out.println("smoke-test: scenario '" + context.session().scenario().name() + "'");
                System.out.println("smoke-test: first dashboard drawn " + firstDrawnMillis + " ms after launch");
                System.out.println("smoke-test: edit to updated charts " + editMillis + " ms (to the first phase's result "
                        + context.evaluation().lastLatencyMillis() + " ms, of which evaluating "
                        + context.evaluation().analysisProperty().get().evaluationMillis() + " ms; no debounce; "
                        + window.dashboard().charts().stream().filter(c -> c.isDrawn()).count() + " of "
                        + window.dashboard().charts().size() + " charts in view, the others drawn when scrolled to)");
                System.out.println("smoke-test: ok");
                context.store().flush();
                Platform.exit();
                deleteQuietly(dataDirectory);
                System.exit(0);
            });
        }
    }

    /**
     * Runs {@code then} once the frame showing the redrawn charts is on screen: a chart card draws its chart into
     * its canvas when the analysis arrives, the next pulse renders that frame, and an animation timer runs at the
     * start of a pulse, so the first pulse after the one that saw the new charts starts when they are shown.
     */
    private static void waitForCharts(MainWindow window, long drawnBefore, Runnable then) {
        new AnimationTimer() {
            private int pulsesAfter = -1;

            @Override
            public void handle(long now) {
                if (window.dashboard().problemShown()) {
                    stop();
                    fail("the sample did not evaluate: " + window.dashboard().problemText());
                }
                if (pulsesAfter < 0 && window.dashboard().chartsDrawn() > drawnBefore) {
                    pulsesAfter = 0;
                } else if (pulsesAfter >= 0 && ++pulsesAfter >= 1) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** Runs {@code then} once no visible progress indicator is running (and the charts had a few pulses to draw), or after a minute. */
    private static void whenIdle(MainWindow window, Runnable then) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        new AnimationTimer() {
            private int idlePulses;

            @Override
            public void handle(long now) {
                boolean busy = window.stage().getScene().getRoot().lookupAll(".progress-indicator").stream()
                        .anyMatch(node -> node instanceof ProgressIndicator indicator && indicator.getProgress() < 1 && visibleInScene(indicator));
                idlePulses = busy ? 0 : idlePulses + 1;
                if (idlePulses >= 30 || now > deadline) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    private static boolean visibleInScene(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void writeScreenshot(MainWindow window) throws IOException {
        WritableImage image = window.stage().getScene().snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Path parent = screenshot.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(buffered, "png", screenshot.toFile());
    }

    private static String value(String[] args, int index, String message) {
        if (index >= args.length) {
            fail(message);
        }
        return args[index];
    }

    static void fail(String message) {
        System.err.println("smoke-test: FAILED: " + message);
        deleteQuietly(dataDirectory);
        System.exit(1);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
