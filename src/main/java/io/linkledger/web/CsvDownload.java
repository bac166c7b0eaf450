package io.linkledger.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.linkledger.shared.Csv;

/**
 * A console CSV download written as it is read: the caller writes rows and flushes after each
 * chunk, so the response never holds them all. Every value goes through {@link Csv#field}.
 */
final class CsvDownload {

    private final PrintWriter out;

    private CsvDownload(PrintWriter out) {
        this.out = out;
    }

    /** Sends {@code fileName} as an attachment: the header row, then what {@code body} writes. */
    static void send(HttpServletResponse response, String fileName, List<String> header, Consumer<CsvDownload> body)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        CsvDownload csv = new CsvDownload(response.getWriter());
        csv.row(header.toArray(String[]::new));
        try {
            body.accept(csv);
            csv.flush();
        } catch (UncheckedIOException closed) {
            // The browser went away mid-download; nothing more to send.
        }
    }

    void row(String... values) {
        out.print(Arrays.stream(values).map(Csv::field).collect(Collectors.joining(",")));
        out.print("\r\n");
    }

    /** Sends what was written so far; stops the download when the browser went away. */
    void flush() {
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("client closed the download"));
        }
    }
}
