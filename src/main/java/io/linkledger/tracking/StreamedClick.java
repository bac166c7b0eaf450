package io.linkledger.tracking;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A click as it travels on the Kafka topic: the row to be (not yet unique: the consumer decides)
 * and the visitor's key of the day before, which the 24-hour window needs across UTC midnight
 * and which cannot be derived later (no IP address is kept).
 *
 * <p>The record value is a fixed binary layout, written and read field by field: a click costs a
 * couple of hundred bytes and no reflection, where JSON would cost several times both. Layout
 * (big-endian): version byte (1), clicked-at as epoch microseconds (long), transaction id, brand,
 * offer, member, assignment (two longs each), project (flag byte, then two longs), visitor key,
 * previous visitor key, user agent, referrer (each a UTF-8 string: int length, -1 for null, then
 * bytes), bot (byte).
 */
record StreamedClick(Click click, String previousVisitorKey) {

    private static final byte VERSION = 1;

    static byte[] encode(Click c, String previousVisitorKey) {
        byte[] transactionId = utf8(c.transactionId());
        byte[] visitorKey = utf8(c.visitorKey());
        byte[] previousKey = utf8(previousVisitorKey);
        byte[] userAgent = utf8(c.userAgent());
        byte[] referrer = utf8(c.referrer());
        int size = 1 + 8 + 4 * 16 + 1 + (c.projectId() == null ? 0 : 16) + 1
                + 5 * 4 + length(transactionId) + length(visitorKey) + length(previousKey) + length(userAgent)
                + length(referrer);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION);
        Instant at = c.clickedAt();
        out.putLong(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000));
        put(out, transactionId);
        put(out, c.brandId());
        put(out, c.offerId());
        put(out, c.memberId());
        put(out, c.assignmentId());
        if (c.projectId() == null) {
            out.put((byte) 0);
        } else {
            out.put((byte) 1);
            put(out, c.projectId());
        }
        put(out, visitorKey);
        put(out, previousKey);
        put(out, userAgent);
        put(out, referrer);
        out.put((byte) (c.bot() ? 1 : 0));
        return out.array();
    }

    /** The click in a record value; an {@link IllegalArgumentException} if it is not one this version wrote. */
    static StreamedClick decode(byte[] value) {
        try {
            ByteBuffer in = ByteBuffer.wrap(value);
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown click record version " + value[0]);
            }
            long micros = in.getLong();
            Instant clickedAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000);
            String transactionId = string(in);
            UUID brandId = uuid(in);
            UUID offerId = uuid(in);
            UUID memberId = uuid(in);
            UUID assignmentId = uuid(in);
            UUID projectId = in.get() == 0 ? null : uuid(in);
            String visitorKey = string(in);
            String previousKey = string(in);
            String userAgent = string(in);
            String referrer = string(in);
            boolean bot = in.get() != 0;
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the click");
            }
            return new StreamedClick(new Click(transactionId, clickedAt, brandId, offerId, memberId, projectId,
                    assignmentId, visitorKey, userAgent, referrer, bot, false), previousKey);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated click record", e);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void put(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length).put(bytes);
        }
    }

    private static void put(ByteBuffer out, UUID id) {
        out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a string of " + length + " bytes in a record of " + in.remaining());
        }
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
