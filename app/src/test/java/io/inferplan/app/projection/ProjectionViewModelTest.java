package io.inferplan.app.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.evaluation.AnalysisFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionViewModelTest {
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final ProjectionViewModel model = new ProjectionViewModel(fixture.evaluation.analysisProperty());

    @Test
    void followsTheEvaluatedScenarioMonthByMonth() {
        assertNull(model.projectionProperty().get());
        assertTrue(model.months().isEmpty());
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        assertEquals(36, model.months().size(), "the sample projects 36 months");
        assertTrue(model.summaryProperty().get().startsWith("Consumer chat assistant on H100 · 36 months · revenue $"),
                model.summaryProperty().get());
        List<List<String>> rows = model.csvRows();
        assertEquals(ProjectionViewModel.CSV_HEADER, rows.getFirst());
        assertEquals(37, rows.size());
        assertEquals("1", rows.get(1).getFirst());
        assertEquals(Double.toString(model.months().getFirst().revenueUsd()), rows.get(1).get(4), "plain numbers, full precision");
    }
}
