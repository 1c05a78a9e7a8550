package io.inferplan.app.cases;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSV file with a header, read as rows of named columns in their original order. */
public record CaseTable(List<String> columns, List<Map<String, String>> rows) {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    public CaseTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public static CaseTable read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("cases", "file not found: " + file);
        }
    }

    public static CaseTable parse(String csv, String name) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema).readValues(csv)) {
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                if (columns.isEmpty()) {
                    CsvSchema header = (CsvSchema) it.getParserSchema();
                    header.forEach(column -> columns.add(column.getName()));
                }
                rows.add(new LinkedHashMap<>(row));
            }
        } catch (IOException | RuntimeException e) {
            // The text is already in memory: anything the parser throws is about its content.
            throw new InvalidInputException("cases", name + " is not a readable CSV file: "
                    + (e.getMessage() == null ? "unreadable" : JsonSupport.firstLine(e.getMessage())));
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("cases", name + " has no header or no rows");
        }
        return new CaseTable(columns, rows);
    }


    public void write(Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        MAPPER.writer(schema.build()).writeValues(out).writeAll(rows).close();
    }
}
