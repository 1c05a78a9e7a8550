package io.inferplan.app.report;

import io.inferplan.app.tasks.LatestRun;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.report.PaperSize;
import io.inferplan.report.ReportWriteException;
import io.inferplan.report.Reports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Writing a report from the app: gathers the scenarios' facts and renders the file through the task runner (off the
 * FX thread), with progress, and says how it went in one line (the path written, or why not).
 */
public final class ReportExportViewModel {
    /** What to write: the scenarios' documents (one: its report; more: a comparison), where, on which paper. */
    public record Request(List<String> documents, Path target, PaperSize paper) {
        public Request {
            documents = List.copyOf(documents);
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(paper, "paper");
        }
    }

    private final Reports reports;
    private final Clock clock;
    private final LatestRun run;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ReportExportViewModel(Reports reports, TaskRunner tasks, Clock clock) {
        this.reports = reports;
        this.clock = clock;
        this.run = new LatestRun(tasks);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Starts writing; a report still being written is cancelled first.
     *
     * @param done told the message once the work ended (written or failed), on the runner's reporting side
     */
    public void export(Request request, Consumer<String> done) {
        if (request.documents().isEmpty()) {
            message.set("No scenario to report on: open one, or tick scenarios on the Compare page.");
            done.accept(message.get());
            return;
        }
        message.set("Writing the report…");
        LocalDate date = LocalDate.now(clock);
        // A report still being written is cancelled, and what it reports afterwards is dropped (LatestRun).
        run.start(work -> {
            var document = reports.document(request.documents(), date, share -> work.update(share, "Gathering the figures…"));
            if (work.cancelled()) {
                return null;
            }
            work.update(0.92, "Drawing the pages…");
            Reports.write(document, request.target(), request.paper());
            return request.target();
        }, new LatestRun.Outcome<Path>() {
            @Override
            public void succeeded(Path written) {
                finish(written == null ? "Report cancelled: nothing written." : "Report written to " + written, done);
            }

            @Override
            public void failed(Throwable error) {
                finish("Could not write the report: " + describe(error), done);
            }

            @Override
            public void cancelled() {
                finish("Report cancelled: nothing written.", done);
            }
        });
    }

    public void cancel() {
        run.cancel();
    }

    private void finish(String text, Consumer<String> done) {
        message.set(text);
        done.accept(text);
    }

    /** The reason in words: a write error names its path already; an invalid scenario its field. */
    static String describe(Throwable error) {
        if (error instanceof ReportWriteException) {
            return error.getMessage();
        }
        if (error instanceof InvalidInputException invalid) {
            return invalid.field() + ": " + invalid.reason();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
