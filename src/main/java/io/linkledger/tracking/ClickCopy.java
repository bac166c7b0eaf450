package io.linkledger.tracking;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Clicks into PostgreSQL with {@code COPY ... FROM STDIN} in the binary format: one stream per batch
 * instead of a multi-row INSERT with twelve bound parameters per click, which both the driver and
 * the server spend far more CPU on (parsing and planning a statement of thousands of parameters).
 *
 * <p>Binary rather than text: PostgreSQL takes the ids and the time as they are stored (16 bytes, a
 * count of microseconds) instead of parsing five UUIDs and a timestamp with its zone per row, and
 * text needs no escaping. Each row is encoded once, straight into the batch's bytes.
 */
final class ClickCopy {

    private static final String COPY = """
            copy clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
                visitor_key, user_agent, referrer, is_bot, is_unique) from stdin (format binary)""";
    /** The format's signature, then no flags and no header extension. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0,
            0};
    private static final short FIELDS = 12;
    private static final short END = -1;
    private static final int NULL = -1;
    /** Big-endian, as the format's integers are: one write per field instead of a shift per byte. */
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** PostgreSQL counts time in microseconds from 2000-01-01 00:00 UTC. */
    private static final long POSTGRES_EPOCH_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    /**
     * A row's bytes but its texts: the field count, twelve lengths, the time, five ids and two flags;
     * so a batch's buffer is sized once (texts of ASCII, as they nearly always are, take a byte per char).
     */
    private static final int ROW = 2 + FIELDS * 4 + 8 + 5 * 16 + 2;

    private byte[] bytes;
    private int length;

    private ClickCopy(int capacity) {
        bytes = new byte[capacity];
    }

    /** Writes the clicks on the given connection, inside its current transaction. */
    static void copy(Connection connection, List<Click> clicks) throws SQLException {
        ClickCopy rows = encode(clicks);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(rows.bytes, 0, rows.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** The whole stream: header, rows, trailer. */
    static ClickCopy encode(List<Click> clicks) {
        int capacity = HEADER.length + 2;
        for (Click c : clicks) {
            capacity += ROW + length(c.transactionId()) + length(c.visitorKey()) + length(c.userAgent())
                    + length(c.referrer());
        }
        ClickCopy rows = new ClickCopy(capacity);
        rows.put(HEADER);
        for (Click c : clicks) {
            rows.int16(FIELDS).text(c.transactionId()).time(c.clickedAt())
                    .uuid(c.brandId()).uuid(c.offerId()).uuid(c.memberId()).uuid(c.projectId()).uuid(c.assignmentId())
                    .text(c.visitorKey()).text(c.userAgent()).text(c.referrer())
                    .bool(c.bot()).bool(c.unique());
        }
        return rows.int16(END);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    /** The encoded bytes, for tests. */
    byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** Room for {@code more} bytes, so a loop that knows its most can write without a check per byte. */
    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private ClickCopy put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return this;
    }

    private ClickCopy int16(short value) {
        ensure(2);
        SHORT.set(bytes, length, value);
        length += 2;
        return this;
    }

    private ClickCopy int32(int value) {
        ensure(4);
        INT.set(bytes, length, value);
        length += 4;
        return this;
    }

    private ClickCopy int64(long value) {
        ensure(8);
        LONG.set(bytes, length, value);
        length += 8;
        return this;
    }

    private ClickCopy bool(boolean value) {
        int32(1);
        ensure(1);
        bytes[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    private ClickCopy uuid(UUID value) {
        if (value == null) {
            return int32(NULL);
        }
        return int32(16).int64(value.getMostSignificantBits()).int64(value.getLeastSignificantBits());
    }

    /** {@code timestamp with time zone}: microseconds since PostgreSQL's epoch, in UTC. */
    private ClickCopy time(Instant at) {
        return int32(8).int64(Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L)
                + at.getNano() / 1_000);
    }

    /**
     * A text's UTF-8 bytes after its length. NUL cannot be stored in PostgreSQL text, so it is dropped;
     * a lone surrogate becomes {@code ?}, as Java's UTF-8 encoder makes it.
     */
    private ClickCopy text(String value) {
        if (value == null) {
            return int32(NULL);
        }
        ensure(4 + value.length());
        int start = length + 4;
        byte[] to = bytes;
        int at = start;
        int plain = 0;
        // ASCII but NUL, a byte per char, with local indexes (a store per byte into a field is not free).
        for (char ch; plain < value.length() && (ch = value.charAt(plain)) != 0 && ch < 0x80; plain++) {
            to[at++] = (byte) ch;
        }
        length = at;
        if (plain < value.length()) {
            put(value.substring(plain).replace("\0", "").getBytes(StandardCharsets.UTF_8));
        }
        INT.set(bytes, start - 4, length - start);
        return this;
    }
}
