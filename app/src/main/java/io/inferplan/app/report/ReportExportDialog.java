package io.inferplan.app.report;

import io.inferplan.report.PaperSize;
import io.inferplan.report.ReportFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to write the report (PDF or HTML) and on which paper. */
public final class ReportExportDialog {
    /** The answer: a file with its format's extension, and the paper. */
    public record Choice(Path target, PaperSize paper) {
    }

    private ReportExportDialog() {
    }

    /** @param suggestedName the file name offered, without extension */
    public static Optional<Choice> ask(Window owner, String what, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report of " + what);
        FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter("PDF document (*.pdf)", "*.pdf");
        FileChooser.ExtensionFilter html = new FileChooser.ExtensionFilter("Web page, self-contained (*.html)", "*.html", "*.htm");
        chooser.getExtensionFilters().addAll(pdf, html);
        chooser.setSelectedExtensionFilter(pdf);
        chooser.setInitialFileName(suggestedName.replaceAll("[^A-Za-z0-9._-]+", "-") + "-report.pdf");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        Path chosen = file.toPath();
        // A name typed without the extension: the filter chosen says which one was meant.
        Path target = ReportFormat.of(chosen) != null ? chosen
                : chosen.resolveSibling(chosen.getFileName() + (chooser.getSelectedExtensionFilter() == html ? ".html" : ".pdf"));
        ChoiceDialog<String> paper = new ChoiceDialog<>(PaperSize.A4.label(), List.of(PaperSize.A4.label(), PaperSize.LETTER.label()));
        paper.initOwner(owner);
        paper.setTitle("Paper size");
        paper.setHeaderText("Paper size for " + target.getFileName());
        paper.setContentText("Paper:");
        return paper.showAndWait().map(label -> new Choice(target, PaperSize.parse(label)));
    }
}
