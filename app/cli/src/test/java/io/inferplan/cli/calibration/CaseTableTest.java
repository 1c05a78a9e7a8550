package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseTableTest {
    @TempDir
    Path dir;

    @Test
    void aStreamedReadChecksWhatAWholeReadChecks() throws Exception {
        Path excel = Files.writeString(dir.resolve("excel.csv"), "\uFEFFcase,model\nc1,Llama-3.1-8B\nc2,Llama-3.1-70B\n");
        List<String> models = new ArrayList<>();
        long rows = CaseTable.forEachRow(excel, (columns, row) -> {
            assertEquals(List.of("case", "model"), columns);
            models.add(row.get("model"));
        });
        assertEquals(2, rows);
        assertEquals(List.of("Llama-3.1-8B", "Llama-3.1-70B"), models);

        Path dup = Files.writeString(dir.resolve("dup.csv"), "case,model,gpus,model\nc1,a,1,b\n");
        var repeated = assertThrows(InvalidInputException.class, () -> CaseTable.forEachRow(dup, (c, r) -> { }));
        assertTrue(repeated.reason().contains("the column 'model' appears twice (columns 2 and 4)"), repeated.reason());

        Path latin1 = Files.write(dir.resolve("latin1.csv"), "case,model\nc1,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        var notUtf8 = assertThrows(InvalidInputException.class, () -> CaseTable.forEachRow(latin1, (c, r) -> { }));
        assertTrue(notUtf8.reason().contains("is not UTF-8 text"), notUtf8.reason());

        Path headerOnly = Files.writeString(dir.resolve("empty.csv"), "case,model\n");
        var empty = assertThrows(InvalidInputException.class, () -> CaseTable.forEachRow(headerOnly, (c, r) -> { }));
        assertTrue(empty.reason().contains("has no header or no rows"), empty.reason());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumn() throws Exception {
        CaseTable table = CaseTable.parse("\uFEFFcase,model\nc1,Llama-3.1-8B\n", "excel.csv");
        assertEquals(List.of("case", "model"), table.columns());
        assertEquals("Llama-3.1-8B", table.rows().getFirst().get("model"));
    }

    @Test
    void aRepeatedColumnIsAnError() {
        var e = assertThrows(InvalidInputException.class, () -> CaseTable.parse("case,model,gpus,model\nc1,a,1,b\n", "dup.csv"));
        assertTrue(e.reason().contains("the column 'model' appears twice (columns 2 and 4)"), e.reason());
    }

    @Test
    void textThatIsNotUtf8SaysSo() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "case,model\nc1,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        var e = assertThrows(InvalidInputException.class, () -> CaseTable.read(latin1));
        assertTrue(e.reason().contains("is not UTF-8 text"), e.reason());
    }

    @Test
    void copiedThroughCellsCannotRunAsFormulas() throws Exception {
        CaseTable table = new CaseTable(List.of("case", "note"), List.of(Map.of("case", "=cmd|' /C calc'!A0", "note", "-1")));
        StringWriter out = new StringWriter();
        table.write(out);
        assertTrue(out.toString().contains("'=cmd|"), out.toString());
        assertTrue(out.toString().contains(",-1"), "negative numbers stay numbers: " + out);
    }
}
