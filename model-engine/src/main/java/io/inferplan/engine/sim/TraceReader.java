package io.inferplan.engine.sim;

import io.inferplan.engine.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A request trace in CSV: a header naming {@code arrival_s,input_tokens,output_tokens} (and optionally
 * {@code prefix_id}, read and checked but used only as a hit/miss label: see docs/simulator.md), one request a row,
 * arrival times from 0 and sorted. Every bad row is an error naming the row and the field.
 */
public final class TraceReader {
    private TraceReader() {
    }

    public static RequestSet read(Reader source, String name, double promptCacheHitRate) {
        try (BufferedReader reader = new BufferedReader(source)) {
            String header = reader.readLine();
            if (header == null) {
                throw new InvalidInputException(name, "is empty (expected a header arrival_s,input_tokens,output_tokens)");
            }
            String[] columns = header.strip().toLowerCase(Locale.ROOT).split(",", -1);
            int arrivalColumn = column(columns, "arrival_s", name);
            int inputColumn = column(columns, "input_tokens", name);
            int outputColumn = column(columns, "output_tokens", name);
            double[] arrival = new double[1024];
            int[] input = new int[1024];
            int[] output = new int[1024];
            int n = 0;
            int line = 1;
            double previous = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length < columns.length) {
                    throw new InvalidInputException(name + " row " + line, "has " + cells.length + " fields, the header has " + columns.length);
                }
                double t = number(cells[arrivalColumn], name, line, "arrival_s");
                if (t < 0) {
                    throw new InvalidInputException(name + " row " + line + " arrival_s", "must not be negative, was " + cells[arrivalColumn].strip());
                }
                if (t < previous) {
                    throw new InvalidInputException(name + " row " + line + " arrival_s", "rows must be sorted by arrival time: "
                            + cells[arrivalColumn].strip() + " comes after " + previous);
                }
                previous = t;
                int in = tokens(cells[inputColumn], name, line, "input_tokens");
                int out = tokens(cells[outputColumn], name, line, "output_tokens");
                if (n == arrival.length) {
                    arrival = Arrays.copyOf(arrival, n * 2);
                    input = Arrays.copyOf(input, n * 2);
                    output = Arrays.copyOf(output, n * 2);
                }
                arrival[n] = t;
                input[n] = in;
                output[n] = out;
                n++;
            }
            if (n == 0) {
                throw new InvalidInputException(name, "has a header but no requests");
            }
            int[] cached = new int[n];
            for (int i = 0; i < n; i++) {
                cached[i] = RequestSet.cachedTokens(input[i], promptCacheHitRate);
            }
            return new RequestSet(Arrays.copyOf(arrival, n), Arrays.copyOf(input, n), Arrays.copyOf(output, n), cached, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int column(String[] columns, String wanted, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].strip().equals(wanted)) {
                return i;
            }
        }
        throw new InvalidInputException(name, "has no column " + wanted + " (header must name arrival_s,input_tokens,output_tokens)");
    }

    private static double number(String cell, String name, int line, String field) {
        try {
            double value = Double.parseDouble(cell.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(name + " row " + line + " " + field, "must be a number, was '" + cell.strip() + "'");
    }

    private static int tokens(String cell, String name, int line, String field) {
        double value = number(cell, name, line, field);
        if (value != Math.rint(value) || value < 1 || value > 10_000_000) {
            throw new InvalidInputException(name + " row " + line + " " + field,
                    "must be a whole number of tokens from 1 to 10000000, was " + cell.strip());
        }
        return (int) value;
    }
}
