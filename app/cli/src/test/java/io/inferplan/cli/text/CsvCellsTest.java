package io.inferplan.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {
    @Test
    void formulaTriggersGetAnApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvCells.neutralised("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1+1", CsvCells.neutralised("+1+1"));
        assertEquals("'-2+3", CsvCells.neutralised("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.neutralised("@SUM(A1)"));
        assertEquals("'\tcmd", CsvCells.neutralised("\tcmd"));
        assertEquals("'\rcmd", CsvCells.neutralised("\rcmd"));
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        for (String cell : new String[] {"-5", "-0.25", "1.5E12", "42", ".5", "H100-SXM-80GB", "Llama 3.1 70B", ""}) {
            assertEquals(cell, CsvCells.neutralised(cell));
        }
        assertEquals("", CsvCells.field(null));
    }

    @Test
    void lineBreaksCommasAndQuotesStayInsideOneQuotedCell() {
        assertEquals("\"a\nb\"", CsvCells.field("a\nb"));
        assertEquals("\"a\rb\"", CsvCells.field("a\rb"));
        assertEquals("\"x, y\"", CsvCells.field("x, y"));
        assertEquals("\"'=1,\"\"2\"\"\"", CsvCells.field("=1,\"2\""));
    }
}
