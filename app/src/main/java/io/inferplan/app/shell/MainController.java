package io.inferplan.app.shell;

import io.inferplan.app.page.PageView;
import io.inferplan.app.theme.Theme;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.fx.Views;
import io.inferplan.app.report.ReportExportDialog;
import io.inferplan.app.report.ReportExportViewModel;
import io.inferplan.report.Reports;
import java.time.Clock;
import io.inferplan.app.scenarios.ScenarioListController;
import io.inferplan.app.workspace.SampleLibrary;
import io.inferplan.app.workspace.ScenarioFiles;
import io.inferplan.app.workspace.StoredScenario;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * The main window: menus and shortcuts, the page navigation and scenario list on the left, the current page in
 * the middle, status below. Pages are built on first visit so the window opens fast.
 */
public final class MainController {
    private final AppContext context;
    private final Map<Page, Supplier<PageView>> pageFactories;
    private final Map<Page, PageView> pages = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);
    private final ToggleGroup navGroup = new ToggleGroup();
    private final ToggleGroup viewMenuGroup = new ToggleGroup();
    private final NotificationPane notifications = new NotificationPane();
    private final StackPane pageHost = new StackPane();
    private ScenarioListController listController;
    private Page current;
    private final ReportExportViewModel report;
    private Supplier<List<StoredScenario>> compareSelection = List::of;

    @FXML private BorderPane root;
    @FXML private VBox sidebar;
    @FXML private VBox navBox;
    @FXML private StackPane centerHost;
    @FXML private Menu recentMenu;
    @FXML private Menu viewMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private Label evaluationStatus;
    @FXML private Label saveStatus;
    @FXML private Label reportStatus;
    @FXML private javafx.scene.control.ProgressBar reportProgress;
    @FXML private Label workspaceLabel;

    public MainController(AppContext context, Map<Page, Supplier<PageView>> pageFactories) {
        this.context = context;
        this.pageFactories = pageFactories;
        this.report = new ReportExportViewModel(new Reports(context.analyzer(), context.core().inputs()::catalog,
                context.core().inputs()::ownUsdPerGpuHour), context.core().tasks(), Clock.systemUTC());
    }

    /** The scenarios ticked on the Compare page (empty until that page is built): what Export report covers there. */
    public void setCompareSelection(Supplier<List<StoredScenario>> selection) {
        this.compareSelection = selection;
    }

    @FXML
    private void initialize() {
        notifications.setContent(pageHost);
        notifications.setShowFromTop(false);
        notifications.setId("notifications");
        centerHost.getChildren().add(notifications);
        for (Page page : Page.values()) {
            ToggleButton button = new ToggleButton(page.title());
            button.getStyleClass().add("nav-button");
            button.setToggleGroup(navGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setId("nav-" + page.name().toLowerCase(Locale.ROOT));
            button.setOnAction(event -> show(page));
            navButtons.put(page, button);
            navBox.getChildren().add(button);
            RadioMenuItem item = new RadioMenuItem(page.title());
            item.setToggleGroup(viewMenuGroup);
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + page.shortcutDigit()));
            item.setOnAction(event -> show(page));
            viewMenu.getItems().add(item);
        }
        listController = new ScenarioListController(context.scenarios(), SampleLibrary::newScenarioJson);
        Parent list = Views.load(ScenarioListController.class, "/io/inferplan/app/scenarios/scenario-list.fxml", listController);
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        sidebar.getChildren().add(list);

        // Undo also brings back the last deleted scenario: the item (and its Ctrl+Z) must stay enabled for that.
        undoItem.disableProperty().bind(context.session().canUndoProperty().not()
                .and(context.scenarios().lastDeletedProperty().isNull()));
        redoItem.disableProperty().bind(context.session().canRedoProperty().not());
        darkThemeItem.setSelected(context.themeProperty().get() == Theme.DARK);
        workspaceLabel.setText("Workspace: " + context.store().directory());
        reportProgress.progressProperty().bind(report.progressProperty());
        reportProgress.visibleProperty().bind(report.runningProperty());
        reportProgress.managedProperty().bind(report.runningProperty());
        reportStatus.textProperty().bind(javafx.beans.binding.Bindings.when(report.runningProperty())
                .then(report.messageProperty()).otherwise(""));
        context.evaluation().runningProperty().addListener((obs, old, running) -> updateEvaluationStatus());
        context.evaluation().analysisProperty().addListener((obs, old, analysis) -> updateEvaluationStatus());
        context.evaluation().problemProperty().addListener((obs, old, problem) -> updateEvaluationStatus());
        context.scenarios().onError(this::notifyError);
        context.store().onError(e -> Platform.runLater(() -> notifyError("Could not save: " + e.getMessage())));
        context.scenarios().lastDeletedProperty().addListener((obs, old, deleted) -> {
            if (deleted != null) {
                offerUndoDelete(deleted);
            }
        });
        refreshRecentFiles();
    }

    public void show(Page page) {
        if (page == current) {
            return;
        }
        PageView view = pages.computeIfAbsent(page, p -> pageFactories.get(p).get());
        if (current != null) {
            pages.get(current).hidden();
        }
        pageHost.getChildren().setAll(view.node());
        current = page;
        navButtons.get(page).setSelected(true);
        viewMenuGroup.getToggles().get(page.ordinal()).setSelected(true);
        view.shown();
        context.store().putSettingLater("window.page", page.name());
    }

    public Page currentPage() {
        return current;
    }

    public PageView page(Page page) {
        return pages.computeIfAbsent(page, p -> pageFactories.get(p).get());
    }

    public void notifyInfo(String text) {
        notifications.getActions().clear();
        notifications.show(text);
        hideLater();
    }

    /** Edit > Undo (the tests check when it is offered). */
    public MenuItem undoMenuItem() {
        return undoItem;
    }

    /** What the notification bar says now (the tests read it). */
    public String notificationText() {
        return notifications.getText();
    }

    public void notifyError(String text) {
        notifications.getActions().clear();
        notifications.show("⚠ " + text);
        hideLater();
    }

    private void hideLater() {
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(Duration.seconds(6));
        pause.setOnFinished(e -> notifications.hide());
        pause.play();
    }

    private void offerUndoDelete(StoredScenario deleted) {
        notifications.getActions().setAll(new Action("Undo", event -> {
            context.scenarios().undoDelete();
            notifications.hide();
        }));
        notifications.show("Deleted “" + deleted.name() + "”.");
        hideLater();
    }

    private void updateEvaluationStatus() {
        var evaluation = context.evaluation();
        if (evaluation.runningProperty().get()) {
            evaluationStatus.setText("Evaluating…");
        } else if (evaluation.problemProperty().get() != null) {
            // The reason itself: the field it names may not be on the form (a measured part's figures).
            evaluationStatus.setText("Not evaluated: " + evaluation.problemProperty().get().message());
        } else if (evaluation.analysisProperty().get() != null) {
            evaluationStatus.setText("Evaluated in " + evaluation.analysisProperty().get().evaluationMillis() + " ms · saved automatically");
        }
    }

    @FXML
    public void newScenario() {
        listController.create();
        show(Page.DASHBOARD);
    }

    @FXML
    public void duplicateScenario() {
        listController.duplicate();
    }

    @FXML
    private void renameScenario() {
        listController.rename();
    }

    @FXML
    private void deleteScenario() {
        listController.delete();
    }

    @FXML
    private void focusSearch() {
        listController.focusSearch();
    }

    @FXML
    public void undo() {
        if (context.session().canUndoProperty().get()) {
            context.session().undo();
        } else if (context.scenarios().lastDeletedProperty().get() != null) {
            context.scenarios().undoDelete();
            notifications.hide();
        }
    }

    @FXML
    public void redo() {
        context.session().redo();
    }

    @FXML
    private void importScenario() {
        FileChooser chooser = jsonChooser("Import scenario");
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            files.forEach(file -> importFile(file.toPath()));
        }
    }

    public void importFile(Path file) {
        context.core().tasks().submit(() -> {
            var entry = ScenarioFiles.read(file);
            context.store().touchRecentFile(file);
            return entry;
        }, entry -> {
            context.scenarios().create(entry.getKey(), entry.getValue());
            notifyInfo("Imported " + file.getFileName());
            refreshRecentFiles();
            show(Page.DASHBOARD);
        }, error -> notifyError("Could not import " + file.getFileName() + ": " + error.getMessage()));
    }

    @FXML
    private void exportScenario() {
        StoredScenario scenario = context.session().scenario();
        if (scenario == null) {
            return;
        }
        FileChooser chooser = jsonChooser("Export scenario");
        chooser.setInitialFileName(scenario.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".json");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportFile(file.toPath());
        }
    }

    public void exportFile(Path file) {
        String json = context.session().json();
        context.core().tasks().submit(() -> {
            ScenarioFiles.write(file, json);
            context.store().touchRecentFile(file);
            return file;
        }, done -> {
            notifyInfo("Exported to " + file);
            refreshRecentFiles();
        }, error -> notifyError("Could not export: " + error.getMessage()));
    }

    @FXML
    private void exportCharts() {
        // Every chart on the pages opened so far; a page's name goes before its charts' but the dashboard's.
        Map<String, ChartCard> cards = new java.util.LinkedHashMap<>();
        page(Page.DASHBOARD);
        for (Map.Entry<Page, PageView> built : pages.entrySet()) {
            String prefix = built.getKey() == Page.DASHBOARD ? "" : built.getKey().title() + " ";
            built.getValue().charts().stream().filter(ChartCard::isShowingChart)
                    .forEach(card -> cards.put((prefix + card.name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), card));
        }
        if (cards.isEmpty()) {
            notifyInfo("No chart to export yet.");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export every chart as PNG and SVG");
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder == null) {
            return;
        }
        context.core().tasks().submit(() -> {
            for (Map.Entry<String, ChartCard> card : cards.entrySet()) {
                card.getValue().exportTo(folder.toPath().resolve(card.getKey() + ".png"));
                card.getValue().exportTo(folder.toPath().resolve(card.getKey() + ".svg"));
            }
            return cards.size();
        }, count -> notifyInfo("Exported " + count + " charts to " + folder), error -> notifyError("Could not export: " + error.getMessage()));
    }

    /**
     * A decision report (PDF or HTML): of the Compare page's ticked scenarios while that page is shown and two or more
     * are ticked, else of the open scenario.
     */
    @FXML
    private void exportReport() {
        List<StoredScenario> ticked = current == Page.COMPARE ? compareSelection.get() : List.of();
        List<String> documents;
        String what;
        String name;
        if (ticked.size() >= 2) {
            documents = ticked.stream().map(StoredScenario::documentJson).toList();
            what = ticked.size() + " scenarios side by side";
            name = "comparison";
        } else {
            StoredScenario scenario = context.session().scenario();
            if (scenario == null) {
                notifyInfo("Open a scenario, or tick two on the Compare page, to export a report.");
                return;
            }
            documents = List.of(context.session().json());
            what = scenario.name();
            name = scenario.name();
        }
        ReportExportDialog.ask(root.getScene().getWindow(), what, name).ifPresent(choice ->
                report.export(new ReportExportViewModel.Request(documents, choice.target(), choice.paper()), message -> {
                    if (message.startsWith("Could not")) {
                        notifyError(message);
                    } else {
                        notifyInfo(message);
                    }
                }));
    }

    @FXML
    private void quit() {
        root.getScene().getWindow().hide();
        Platform.exit();
    }

    @FXML
    private void toggleTheme() {
        context.themeProperty().set(darkThemeItem.isSelected() ? Theme.DARK : Theme.LIGHT);
    }

    /** "Ctrl+1 … Ctrl+7   Dashboard, …", from the pages themselves so the help never drifts from the menu. */
    private static String pageShortcuts() {
        Page[] pages = Page.values();
        String keys = "Ctrl+" + pages[0].shortcutDigit() + " … Ctrl+" + pages[pages.length - 1].shortcutDigit();
        return String.format(java.util.Locale.ROOT, "%-17s %s", keys,
                String.join(", ", java.util.Arrays.stream(pages).map(Page::title).toList()));
    }

    @FXML
    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.setContentText("""
                %s
                Ctrl+N / Ctrl+D   new / duplicate scenario
                F2 / Del          rename / delete the open scenario (Ctrl+Z brings it back)
                Ctrl+Z / Ctrl+Y   undo / redo edits
                Ctrl+F            search scenarios
                Ctrl+O / Ctrl+E   import / export scenario JSON
                Ctrl+Shift+E      export every chart (PNG and SVG)
                Ctrl+R            export a report (PDF or HTML)
                Ctrl+T            light / dark theme
                Ctrl+Q            quit""".formatted(pageShortcuts()));
        alert.showAndWait();
    }

    @FXML
    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("About InferPlan");
        alert.setHeaderText("InferPlan " + io.inferplan.engine.EngineInfo.version());
        alert.setContentText("Capacity planning and cost modelling for LLM inference.\nWorkspace: " + context.store().directory());
        alert.showAndWait();
    }

    private void refreshRecentFiles() {
        context.core().tasks().submit(() -> context.store().recentFiles(), files -> {
            recentMenu.getItems().clear();
            for (Path file : files) {
                MenuItem item = new MenuItem(file.toString());
                item.setOnAction(event -> importFile(file));
                recentMenu.getItems().add(item);
            }
            recentMenu.setDisable(files.isEmpty());
        }, error -> { });
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        return chooser;
    }

    Node rootNode() {
        return root;
    }
}
