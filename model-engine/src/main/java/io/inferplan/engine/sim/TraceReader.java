package io.inferplan.engine.sim;

import io.inferplan.engine.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A request trace in CSV: a header naming {@code arrival_s,input_tokens,output_tokens}, optionally {@code prefix_id}
 * (any label; requests with the same one share a prompt prefix, empty: none) and {@code prefix_tokens} (its length;
 * absent: the prompt cache hit rate times the prompt), one request a row, arrival times from 0 and sorted. Every bad
 * row is an error naming the row and the field.
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
            int prefixColumn = optionalColumn(columns, "prefix_id");
            int prefixTokensColumn = optionalColumn(columns, "prefix_tokens");
            if (prefixTokensColumn >= 0 && prefixColumn < 0) {
                throw new InvalidInputException(name, "has prefix_tokens but no prefix_id column to say which requests share them");
            }
            java.util.Map<String, Integer> labels = new java.util.HashMap<>();
            int[] prefix = new int[1024];
            int[] prefixTokens = new int[1024];
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
                    prefix = Arrays.copyOf(prefix, n * 2);
                    prefixTokens = Arrays.copyOf(prefixTokens, n * 2);
                }
                arrival[n] = t;
                input[n] = in;
                output[n] = out;
                String label = prefixColumn < 0 ? "" : cells[prefixColumn].strip();
                prefix[n] = label.isEmpty() ? -1 : labels.computeIfAbsent(label, k -> labels.size());
                if (prefix[n] >= 0) {
                    String cell = prefixTokensColumn < 0 ? "" : cells[prefixTokensColumn].strip();
                    int shared;
                    if (cell.isEmpty()) {
                        shared = RequestSet.cachedTokens(in, promptCacheHitRate);
                    } else {
                        double value = number(cell, name, line, "prefix_tokens");
                        if (value != Math.rint(value) || value < 0 || value > in) {
                            throw new InvalidInputException(name + " row " + line + " prefix_tokens",
                                    "must be a whole number of tokens from 0 to the row's input_tokens (" + in + "), was " + cell);
                        }
                        shared = (int) value;
                    }
                    prefixTokens[n] = shared;
                }
                n++;
            }
            if (n == 0) {
                throw new InvalidInputException(name, "has a header but no requests");
            }
            int[] cached = new int[n];
            for (int i = 0; i < n; i++) {
                cached[i] = RequestSet.cachedTokens(input[i], promptCacheHitRate);
            }
            RequestSet requests = new RequestSet(Arrays.copyOf(arrival, n), Arrays.copyOf(input, n), Arrays.copyOf(output, n), cached, 0);
            return labels.isEmpty() ? requests : requests.withPrefixes(Arrays.copyOf(prefix, n), Arrays.copyOf(prefixTokens, n));
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

    private static int optionalColumn(String[] columns, String wanted) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].strip().equals(wanted)) {
                return i;
            }
        }
        return -1;
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
