package io.inferplan.app.shell;

import io.inferplan.app.solve.SolveDialog;
import io.inferplan.app.solve.SolveViewModel;
import io.inferplan.app.evaluation.InputChange;

import io.inferplan.app.optimize.OptimizeView;
import io.inferplan.app.optimize.OptimizeViewModel;
import io.inferplan.app.page.PageView;
import io.inferplan.app.theme.Theme;

import io.inferplan.app.catalog.CatalogView;
import io.inferplan.app.catalog.CatalogViewModel;
import io.inferplan.app.compare.CompareView;
import io.inferplan.app.compare.CompareViewModel;
import io.inferplan.app.editor.FieldSpec;
import io.inferplan.app.editor.ScenarioForm;
import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.fx.Views;
import io.inferplan.app.profile.MachineProfiler;
import io.inferplan.app.profile.ProfileView;
import io.inferplan.app.profile.ProfileViewModel;
import io.inferplan.app.dashboard.DashboardView;
import io.inferplan.app.latency.LatencyView;
import io.inferplan.app.latency.LatencyViewModel;
import io.inferplan.app.projection.ProjectionView;
import io.inferplan.app.projection.ProjectionViewModel;
import io.inferplan.app.sensitivity.SensitivityView;
import io.inferplan.app.sensitivity.SensitivityViewModel;
import io.inferplan.app.uncertainty.UncertaintyView;
import io.inferplan.app.uncertainty.UncertaintyViewModel;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.engine.optimize.ConfigurationSearch;
import io.inferplan.engine.optimize.TailSimulation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Puts the window together: pages, the open-scenario wiring (selection opens, edits autosave and re-evaluate),
 * theme, and the remembered window state.
 */
public final class MainWindow {
    private final AppContext context;
    private final Stage stage;
    private final MainController controller;
    private final DashboardView dashboard;

    private MainWindow(AppContext context, Stage stage, Map<String, String> settings, DashboardView prebuilt) {
        this.context = context;
        this.stage = stage;
        context.themeProperty().set(Theme.parse(settings.get("theme")));
        dashboard = prebuilt != null ? prebuilt : buildDashboard(context.core());
        // Built before the user's catalog was read, and own entries come and go: keep the picker in step.
        Runnable syncAccelerators = () -> dashboard.form().setAcceleratorChoices(acceleratorChoices(context.catalog()));
        syncAccelerators.run();
        context.core().changes().listen(change -> {
            if (change == InputChange.CATALOG) {
                syncAccelerators.run();
            }
        });
        Map<Page, Supplier<PageView>> pages = new EnumMap<>(Page.class);
        pages.put(Page.DASHBOARD, () -> dashboard);
        pages.put(Page.PROJECTION, () -> new ProjectionView(new ProjectionViewModel(context.evaluation().analysisProperty()),
                context::chartStyle));
        pages.put(Page.LATENCY, () -> new LatencyView(new LatencyViewModel(context.evaluation().analysisProperty(),
                context.analyzer()::simulation, context.core().tasks()), context::chartStyle));
        pages.put(Page.OPTIMIZE, () -> new OptimizeView(new OptimizeViewModel(context.evaluation().analysisProperty(),
                context.core().inputs()::catalog, context.core().inputs()::ownUsdPerGpuHour, context.session()::editElsewhere,
                ConfigurationSearch::standard, TailSimulation::standard, context.core().tasks()), context::chartStyle));
        pages.put(Page.SENSITIVITY, () -> new SensitivityView(new SensitivityViewModel(context.session()::json,
                context.evaluation().analysisProperty(), context.analyzer()::evaluate, context.core().tasks()), context::chartStyle));
        pages.put(Page.UNCERTAINTY, () -> new UncertaintyView(new UncertaintyViewModel(context.session()::json,
                context.evaluation().analysisProperty(), context.analyzer()::monteCarlo, context.session()::editElsewhere,
                context.core().tasks()), context::chartStyle));
        var compare = new java.util.concurrent.atomic.AtomicReference<CompareViewModel>();
        pages.put(Page.COMPARE, () -> {
            compare.set(new CompareViewModel(context.scenarios().all(), context.store(), context.analyzer()::evaluate,
                    context.core().tasks()));
            return new CompareView(compare.get(), context::chartStyle);
        });
        pages.put(Page.CATALOG, () -> new CatalogView(new CatalogViewModel(context.core().inputs(), context.catalogStore(),
                context.store(), context.core().tasks())));
        pages.put(Page.PROFILE, () -> new ProfileView(new ProfileViewModel(MachineProfiler.isolated(), context.catalogStore(),
                context.core().inputs(), context.session(), context.core().tasks())));
        controller = new MainController(context, pages);
        dashboard.offerSolve((target, now) -> {
            // The dialog is modal: the analysis shown when it opens stays the scenario's while it is open.
            var shown = context.evaluation().analysisProperty().get();
            if (shown != null && shown.hasRoutes()) {
                // The goal seek moves one scenario's input and reads its result; a routed service has no such one yet.
                controller.notifyInfo("Solve for… works on scenarios without routes for now; `inferplan sensitivity FILE "
                        + "--route NAME` swings a route's inputs.");
                return;
            }
            SolveViewModel model = new SolveViewModel(target, now, context.session()::json,
                    (json, request, progress) -> context.analyzer().solve(json, request, shown, progress),
                    context.session()::editElsewhere, context.core().tasks());
            new SolveDialog(stage, model).show(controller::notifyInfo);
        });
        controller.setCompareSelection(() -> compare.get() == null ? List.of() : List.copyOf(compare.get().checked()));
        Parent root = Views.load(MainController.class, "/io/inferplan/app/shell/main.fxml", controller);
        Scene scene = new Scene(root);
        routeUndoPastTextFields(scene);
        applyTheme(scene, context.themeProperty().get());
        context.themeProperty().addListener((obs, old, theme) -> {
            applyTheme(scene, theme);
            dashboard.restyle();
            context.store().putSettingLater("theme", theme.id());
        });
        stage.setScene(scene);
        stage.setTitle("InferPlan");
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        var icon = MainWindow.class.getResource("/io/inferplan/app/theme/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        wireOpenScenario();
        WindowState.restore(stage, settings);
        WindowState.track(stage, context.store());
        Page page;
        try {
            page = Page.valueOf(settings.getOrDefault("window.page", Page.DASHBOARD.name()));
        } catch (IllegalArgumentException e) {
            page = Page.DASHBOARD;
        }
        controller.show(page);
    }

    /**
     * The dashboard page: the scenario form beside the KPIs and charts. It needs no database, so the app builds it
     * on the FX thread while the workspace opens.
     */
    public static DashboardView buildDashboard(AppCore core) {
        ScenarioForm form = new ScenarioForm(core.session(), acceleratorChoices(core.catalog()), core.inputs()::rentalRates);
        return new DashboardView(core.evaluation(), form, core::chartStyle);
    }

    private static List<FieldSpec.Choice> acceleratorChoices(io.inferplan.catalog.AcceleratorCatalog catalog) {
        return catalog.entries().stream().map(e -> new FieldSpec.Choice(e.id(), e.name())).toList();
    }

    /** Builds and shows the window for a context whose workspace is open. */
    public static MainWindow show(AppContext context, Stage stage, Map<String, String> settings, List<StoredScenario> scenarios) {
        return show(context, stage, settings, scenarios, null);
    }

    /** As {@link #show(AppContext, Stage, Map, List)}, with the dashboard built ahead on the same core (or null). */
    public static MainWindow show(AppContext context, Stage stage, Map<String, String> settings, List<StoredScenario> scenarios,
                                  DashboardView prebuiltDashboard) {
        MainWindow window = new MainWindow(context, stage, settings, prebuiltDashboard);
        // The scenario that was open when the app last closed opens again (the first one on a new workspace).
        context.scenarios().setAll(scenarios, settings.get(OPEN_SCENARIO_SETTING));
        stage.show();
        return window;
    }

    public MainController controller() {
        return controller;
    }

    public DashboardView dashboard() {
        return dashboard;
    }

    public Stage stage() {
        return stage;
    }

    private void wireOpenScenario() {
        ScenarioSession session = context.session();
        context.scenarios().selectedProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                return;
            }
            StoredScenario open = session.scenario();
            if (open != null && open.id().equals(selected.id())) {
                return;
            }
            session.open(selected);
        });
        session.onChange(cause -> {
            if (cause == ScenarioSession.Cause.OPENED) {
                context.store().putSettingLater(OPEN_SCENARIO_SETTING, session.scenario().id().toString());
                return;
            }
            StoredScenario updated = session.scenario();
            context.store().saveLater(updated);
            context.scenarios().replace(updated);
        });
        context.scenarios().onRenamed(session::renamed);
    }

    private static final String OPEN_SCENARIO_SETTING = "window.openScenario";
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination REDO_SHIFT = KeyCombination.keyCombination("Shortcut+Shift+Z");

    /**
     * A focused text field would take Ctrl+Z for its own text undo, so the scenario's undo never ran while the
     * cursor was in a field. Fields put every keystroke into the scenario at once, so the scenario's undo is the
     * one the user means: it runs first, and the form reloads the field with the value before the edit.
     */
    private void routeUndoPastTextFields(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (!(event.getTarget() instanceof TextInputControl)) {
                return;
            }
            if (UNDO.match(event)) {
                controller.undo();
                event.consume();
            } else if (REDO.match(event) || REDO_SHIFT.match(event)) {
                controller.redo();
                event.consume();
            }
        });
    }

    private static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(theme.stylesheets());
    }
}
