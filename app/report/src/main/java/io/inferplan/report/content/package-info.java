/**
 * What a report says: the facts of a scenario gathered as the pages gather them, turned into the document's
 * sections (summary sentence, key figures, charts, best configurations, inputs, hardware, error bands).
 */
package io.inferplan.report.content;
