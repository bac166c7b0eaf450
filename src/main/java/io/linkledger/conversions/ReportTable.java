package io.linkledger.conversions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.linkledger.shared.ProblemException;

/**
 * A network's report as a header and rows of cells. The delimiter is the one its header line
 * uses most: ShareASale's activity report (the API's {@code action=activity}) is separated by
 * {@code |}, exports from other networks by commas, tabs or semicolons. Quoting follows RFC 4180
 * whatever the delimiter, as Python's csv module (used by ShareASale's Singer tap) reads it.
 */
record ReportTable(char delimiter, List<String> header, List<List<String>> rows) {

    private static final char[] DELIMITERS = {',', '|', '\t', ';'};

    static ReportTable parse(String text) {
        String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        char delimiter = delimiterOf(firstLine(body));
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, format)) {
            try {
                for (CSVRecord record : parser) {
                    List<String> row = record.toList();
                    if (!row.stream().allMatch(String::isBlank)) {
                        rows.add(row);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw ProblemException.invalid("csv", "is not valid " + name(delimiter) + "-separated text near line "
                        + parser.getCurrentLineNumber() + " (a quoted field is not closed, or text follows its closing quote)");
            }
        } catch (IOException e) {
            throw ProblemException.invalid("csv", "could not be read");
        }
        if (rows.size() < 2) {
            throw ProblemException.invalid("csv", "needs a header row and at least one data row");
        }
        return new ReportTable(delimiter, rows.getFirst(), rows.subList(1, rows.size()));
    }

    /** The candidate the line holds most often outside quotes; a comma when it holds none. */
    private static char delimiterOf(String line) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            for (int d = 0; d < DELIMITERS.length && !quoted; d++) {
                if (c == DELIMITERS[d]) {
                    counts[d]++;
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    private static String firstLine(String body) {
        String trimmed = body.stripLeading();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }

    private static String name(char delimiter) {
        return switch (delimiter) {
            case '|' -> "pipe";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            default -> "comma";
        };
    }
}
