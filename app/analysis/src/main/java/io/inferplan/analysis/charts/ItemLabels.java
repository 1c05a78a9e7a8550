package io.inferplan.analysis.charts;

import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/** An item label written per bar; the series and category labels JFreeChart also asks for are their keys. */
interface ItemLabels extends CategoryItemLabelGenerator {
    @Override
    default String generateRowLabel(CategoryDataset dataset, int row) {
        return dataset.getRowKey(row).toString();
    }

    @Override
    default String generateColumnLabel(CategoryDataset dataset, int column) {
        return dataset.getColumnKey(column).toString();
    }
}
