package io.inferplan.app.projection;

import io.inferplan.analysis.Analysis;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.economics.ProjectionResult;
import io.inferplan.engine.economics.ProjectionMonth;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The projection page's state: the open scenario's months, a one-line summary, and the table as CSV rows. */
public final class ProjectionViewModel {
    static final List<String> CSV_HEADER = List.of("month", "accelerator", "averageRequestsPerSecond", "gpus", "revenueUsd",
            "servingCostUsd", "fixedCostsUsd", "grossMarginPercent", "operatingProfitUsd", "capexUsd", "cumulativeCashUsd",
            "costPerMillionTokensUsd");

    private final ObservableList<ProjectionMonth> months = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ProjectionResult> projection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Open a scenario to see its projection.");

    public ProjectionViewModel(ObservableValue<Analysis> analysis) {
        analysis.addListener((obs, old, next) -> {
            // The accelerator sweep that completes an analysis changes nothing here.
            if (next != null && (old == null || old.result() != next.result())) {
                show(next);
            }
        });
        if (analysis.getValue() != null) {
            show(analysis.getValue());
        }
    }

    /** The months, in order (the table's rows). */
    public ObservableList<ProjectionMonth> months() {
        return FXCollections.unmodifiableObservableList(months);
    }

    /** The projection drawn, or null before a scenario evaluated. */
    public ReadOnlyObjectProperty<ProjectionResult> projectionProperty() {
        return projection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void show(Analysis analysis) {
        ProjectionResult next = analysis.result().projection();
        months.setAll(next.months());
        summary.set(analysis.result().scenarioName() + " · " + next.months().size() + " months · revenue "
                + Formats.usd(next.totalRevenueUsd()) + ", cost " + Formats.usd(next.totalCostUsd())
                + ", operating profit " + Formats.usd(next.totalOperatingProfitUsd()) + " · peak " + next.peakGpus() + " GPUs");
        projection.set(next);
    }

    /** The table as plain numbers (full precision, no currency signs) for a CSV export, header first. */
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(CSV_HEADER);
        for (ProjectionMonth m : months) {
            rows.add(List.of(Integer.toString(m.month()), m.accelerator(), Double.toString(m.averageRequestsPerSecond()),
                    Long.toString(m.gpus()), Double.toString(m.revenueUsd()), Double.toString(m.servingCostUsd()),
                    Double.toString(m.fixedCostsUsd()), m.grossMarginPercent() == null ? "" : Double.toString(m.grossMarginPercent()),
                    Double.toString(m.operatingProfitUsd()), Double.toString(m.capexUsd()), Double.toString(m.cumulativeCashUsd()),
                    Double.toString(m.costPerMillionTokensUsd())));
        }
        return rows;
    }
}
