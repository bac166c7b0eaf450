package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The binary COPY stream the clicks are written as, read back here by the format's rules
 * (postgresql.org/docs/current/sql-copy.html, "Binary Format"); the PostgreSQL round trip is in
 * ClickStoreTest and RedirectApiTest.
 */
class ClickCopyTest {

    private static final UUID BRAND = UUID.fromString("0189f7a2-3b4c-7d5e-8f60-718293a4b5c6");
    private static final UUID OFFER = UUID.fromString("ffffffff-0000-4000-a000-00000000000f");
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private static Click click(Instant at, UUID project, String userAgent, String referrer, boolean bot, boolean unique) {
        return new Click("tid1", at, BRAND, OFFER, BRAND, project, OFFER, "vk", userAgent, referrer, bot, unique);
    }

    /** Each row's twelve fields, as their bytes (null for SQL NULL). */
    private static List<byte[][]> rows(Click... clicks) throws IOException {
        byte[] stream = ClickCopy.encode(List.of(clicks)).bytes();
        var in = new DataInputStream(new ByteArrayInputStream(stream));
        byte[] signature = in.readNBytes(11);
        assertThat(signature).isEqualTo(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        assertThat(in.readInt()).as("flags").isZero();
        assertThat(in.readInt()).as("header extension").isZero();
        List<byte[][]> rows = new ArrayList<>();
        for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
            assertThat(fields).isEqualTo((short) 12);
            byte[][] row = new byte[fields][];
            for (int i = 0; i < fields; i++) {
                int length = in.readInt();
                row[i] = length < 0 ? null : in.readNBytes(length);
            }
            rows.add(row);
        }
        assertThat(in.read()).as("nothing after the trailer").isEqualTo(-1);
        return rows;
    }

    private static String text(byte[] field) {
        return field == null ? null : new String(field, StandardCharsets.UTF_8);
    }

    private static UUID uuid(byte[] field) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(field));
        UUID id = new UUID(in.readLong(), in.readLong());
        assertThat(field).hasSize(16);
        return id;
    }

    private static Instant time(byte[] field) throws IOException {
        assertThat(field).hasSize(8);
        long micros = new DataInputStream(new ByteArrayInputStream(field)).readLong();
        return POSTGRES_EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L)).plusNanos(Math.floorMod(micros, 1_000_000L) * 1000);
    }

    @Test
    void eachClickIsOneTupleOfTwelveFieldsWithIdsTimeAndFlags() throws IOException {
        List<byte[][]> rows = rows(
                click(Instant.parse("2026-01-02T03:04:05.000607Z"), null, "Mozilla/5.0", null, false, true),
                click(Instant.parse("1999-12-31T23:59:59.999999Z"), OFFER, "UA", "https://ref.example/", true, false));

        assertThat(rows).hasSize(2);
        byte[][] first = rows.get(0);
        assertThat(text(first[0])).isEqualTo("tid1");
        assertThat(time(first[1])).isEqualTo(Instant.parse("2026-01-02T03:04:05.000607Z"));
        assertThat(List.of(uuid(first[2]), uuid(first[3]), uuid(first[4]), uuid(first[6])))
                .containsExactly(BRAND, OFFER, BRAND, OFFER);
        assertThat(first[5]).as("no project").isNull();
        assertThat(Arrays.asList(text(first[7]), text(first[8]), text(first[9]))).containsExactly("vk", "Mozilla/5.0", null);
        assertThat(first[10]).containsExactly(0);
        assertThat(first[11]).containsExactly(1);

        byte[][] second = rows.get(1);
        assertThat(time(second[1])).as("before PostgreSQL's epoch").isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
        assertThat(uuid(second[5])).isEqualTo(OFFER);
        assertThat(text(second[9])).isEqualTo("https://ref.example/");
        assertThat(second[10]).containsExactly(1);
        assertThat(second[11]).containsExactly(0);
    }

    @Test
    void textIsUtf8AsItIsButNulWhichPostgresCannotStore() throws IOException {
        byte[][] row = rows(click(Instant.EPOCH, null, "a\\N\tb\nc\rd\0e", "ü€😀 o\0k \ud800!", false, false)).get(0);

        assertThat(text(row[8])).isEqualTo("a\\N\tb\nc\rde");
        assertThat(text(row[9])).isEqualTo("ü€😀 ok ?!");
    }

    /** Multi-byte characters take more room than the one byte per character a batch is sized for. */
    @Test
    void textMuchLongerOnceEncodedStillFits() throws IOException {
        String agent = "\u00fc\t\ud83d\ude00\\".repeat(300);
        List<byte[][]> rows = rows(click(Instant.EPOCH, null, agent, agent, false, false),
                click(Instant.EPOCH, null, "UA", null, false, false));

        assertThat(text(rows.get(0)[8])).isEqualTo(agent);
        assertThat(text(rows.get(0)[9])).isEqualTo(agent);
        assertThat(text(rows.get(1)[8])).isEqualTo("UA");
        assertThat(rows.get(1)[9]).isNull();
    }
}
