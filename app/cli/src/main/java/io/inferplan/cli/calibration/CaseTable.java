package io.inferplan.cli.calibration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.inferplan.cli.text.BoundedText;
import io.inferplan.cli.text.CsvCells;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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
            return parse(BoundedText.read(file, BoundedText.TABLE_MAX_BYTES), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("cases", "file not found: " + file);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("cases", file + " is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }

    public static CaseTable parse(String text, String name) throws IOException {
        // Excel's "CSV UTF-8" starts with a byte-order mark, which would otherwise become part of the first column's name.
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        rejectRepeated(headerCells(csv), name);
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


    /** The first record's cells, trimmed (RFC 4180 quoting: a quoted cell may hold commas, doubled quotes and line breaks). */
    static List<String> headerCells(String csv) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                break;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** One row of a streamed table, with the table's columns in their order. */
    @FunctionalInterface
    public interface RowHandler {
        void row(List<String> columns, Map<String, String> row) throws IOException;
    }

    /**
     * Reads {@code file} row by row without holding it: memory stays the same for 100 rows or 10 million. The same
     * checks as {@link #read}: a byte-order mark is skipped, a repeated column or non-UTF-8 text is refused plainly.
     *
     * @return the number of rows
     */
    public static long forEachRow(Path file, RowHandler handler) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long rows = 0;
        List<String> columns = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file), utf8))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
                while (it.hasNextValue()) {
                    Map<String, String> row = it.nextValue();
                    if (columns.isEmpty()) {
                        ((CsvSchema) it.getParserSchema()).forEach(column -> columns.add(column.getName()));
                        rejectRepeated(columns, file.toString());
                    }
                    handler.row(columns, new LinkedHashMap<>(row));
                    rows++;
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("cases", "file not found: " + file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CharacterCodingException) {
                    throw new InvalidInputException("cases", file + " is not UTF-8 text; save it as \"CSV UTF-8\"");
                }
            }
            if (e instanceof IOException io && !(e instanceof JacksonException)) {
                throw io;
            }
            throw new InvalidInputException("cases", file + " is not a readable CSV file: "
                    + (e.getMessage() == null ? "unreadable" : JsonSupport.firstLine(e.getMessage())));
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("cases", file + " has no header or no rows");
        }
        return rows;
    }

    /** A repeated column name would make one of the two columns vanish from every row without a word. */
    private static void rejectRepeated(List<String> header, String name) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer earlier = seen.putIfAbsent(header.get(i), i + 1);
            if (earlier != null) {
                throw new InvalidInputException("cases", name + ": the column '" + header.get(i) + "' appears twice (columns "
                        + earlier + " and " + (i + 1) + "); keep one");
            }
        }
    }

    /** Writes rows one at a time under a fixed header, each cell neutralised as {@link #write} does. */
    public static final class RowWriter implements AutoCloseable {
        private final SequenceWriter out;

        public RowWriter(Writer writer, List<String> columns) throws IOException {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            columns.forEach(schema::addColumn);
            this.out = MAPPER.writer(schema.build()).writeValues(writer);
        }

        public void write(Map<String, String> row) throws IOException {
            Map<String, String> cells = new LinkedHashMap<>();
            row.forEach((column, value) -> cells.put(column, CsvCells.neutralised(value)));
            out.write(cells);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    public void write(Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        // Cells copied through from the input are the user's text: neutralise formula triggers before they reach a spreadsheet.
        List<Map<String, String>> safe = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.forEach((column, value) -> cells.put(column, CsvCells.neutralised(value)));
            safe.add(cells);
        }
        MAPPER.writer(schema.build()).writeValues(out).writeAll(safe).close();
    }
}
