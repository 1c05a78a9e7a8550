package io.inferplan.report.html;

import io.inferplan.report.PaperSize;
import io.inferplan.report.ReportFonts;
import io.inferplan.report.document.Block;
import io.inferplan.report.document.ReportDocument;
import io.inferplan.report.document.Section;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a {@link ReportDocument} as one self-contained HTML file: the style inline, every chart an inline SVG, no
 * script, no image or style sheet fetched from anywhere, so that it can be mailed and opened offline. Printing it
 * takes the chosen paper size.
 */
public final class HtmlRenderer {
    /** The width charts are laid out at (as the PDF's); the page scales them to its column. */
    static final int CHART_WIDTH = 660;

    private HtmlRenderer() {
    }

    public static void render(ReportDocument report, PaperSize paper, OutputStream out) throws IOException {
        ReportFonts.registerWithJava2D();
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(report.title())).append("</title>\n<style>\n").append(style(paper)).append("</style>\n</head>\n<body>\n");
        html.append("<header><h1>").append(escape(report.title())).append("</h1>\n");
        for (String line : report.titleLines()) {
            html.append("<p class=\"meta\">").append(escape(line)).append("</p>\n");
        }
        html.append("</header>\n");
        int chart = 0;
        for (Section section : report.sections()) {
            html.append("<section>\n<h2>").append(escape(section.heading())).append("</h2>\n");
            for (Block block : section.blocks()) {
                switch (block) {
                    case Block.Paragraph p -> html.append(p.note() ? "<p class=\"note\">" : "<p>").append(escape(p.text())).append("</p>\n");
                    case Block.Table t -> table(html, t);
                    case Block.Chart c -> svg(html, c, ++chart);
                }
            }
            html.append("</section>\n");
        }
        html.append("<footer>InferPlan decision report</footer>\n</body>\n</html>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String style(PaperSize paper) {
        return "@page { size: " + paper.name().toLowerCase(Locale.ROOT) + "; margin: 18mm 17mm; }\n"
                + "body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #1d2330; max-width: 52em; "
                + "margin: 2em auto; padding: 0 1.2em; font-size: 10.5pt; line-height: 1.45; }\n"
                + "h1 { font-size: 20pt; margin: 0 0 .2em; } h2 { font-size: 13.5pt; margin: 1.6em 0 .5em; break-after: avoid; }\n"
                + "header { border-bottom: 1.5px solid #1d2330; padding-bottom: .6em; }\n"
                + ".meta { color: #5b6577; margin: .1em 0; } .note { color: #5b6577; font-size: 9pt; }\n"
                + "table { border-collapse: collapse; width: 100%; font-size: 8.6pt; margin: .4em 0 1em; }\n"
                + "th { background: #eef1f6; text-align: left; } th, td { padding: 3px 5px; border-bottom: 0.5px solid #d5dae3; "
                + "vertical-align: top; overflow-wrap: anywhere; }\n"
                + "td.n, th.n { text-align: right; } tr { break-inside: avoid; } thead { display: table-header-group; }\n"
                + "figure { margin: .6em 0 1.2em; break-inside: avoid; } figure svg { width: 100%; height: auto; display: block; }\n"
                + "footer { color: #5b6577; font-size: 8pt; margin-top: 3em; }\n";
    }

    private static void table(StringBuilder html, Block.Table t) {
        html.append("<table>\n<colgroup>");
        double total = t.widths().stream().mapToDouble(Double::doubleValue).sum();
        for (double w : t.widths()) {
            html.append(String.format(Locale.ROOT, "<col style=\"width:%.1f%%\">", 100 * w / total));
        }
        html.append("</colgroup>\n<thead><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            html.append(t.rightAligned().get(i) ? "<th class=\"n\">" : "<th>").append(escape(t.header().get(i))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(t.rightAligned().get(i) ? "<td class=\"n\">" : "<td>").append(escape(row.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void svg(StringBuilder html, Block.Chart c, int number) {
        int height = (int) Math.round(CHART_WIDTH * c.aspect());
        SVGGraphics2D g2 = new SVGGraphics2D(CHART_WIDTH, height);
        // Clip paths and gradients are named per chart: several SVGs in one page share one id space.
        g2.setDefsKeyPrefix("chart" + number + "-");
        c.chart().draw(g2, new Rectangle2D.Double(0, 0, CHART_WIDTH, height));
        String element = g2.getSVGElement("chart" + number, true, new org.jfree.svg.ViewBox(0, 0, CHART_WIDTH, height), null, null);
        html.append("<figure aria-label=\"").append(escape(c.title())).append("\">").append(element).append("</figure>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
