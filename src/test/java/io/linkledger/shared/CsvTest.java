package io.linkledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String text = "\uFEFFname,note\r\n\"Doe, Jane\",\"said \"\"hi\"\"\nthen left\"\r\n\r\nplain,\n";
        assertThat(Csv.parse(text)).containsExactly(
                List.of("name", "note"),
                List.of("Doe, Jane", "said \"hi\"\nthen left"),
                List.of("plain", ""));
    }

    @Test
    void writesFieldsSafelyForSpreadsheets() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("-12.50")).isEqualTo("-12.50");
        assertThat(Csv.field(null)).isEmpty();
    }
}
