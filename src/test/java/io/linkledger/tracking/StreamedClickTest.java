package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StreamedClickTest {

    private static Click click(UUID projectId, String userAgent, String referrer, boolean bot) {
        return new Click("0Vc2FLyHHLC9fW4EoOwLxjuo", Instant.parse("2026-11-26T07:30:01.123456Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), projectId, UUID.randomUUID(), "a".repeat(64), userAgent, referrer,
                bot, false);
    }

    @Test
    void aClickComesBackAsItWasSentWithTheVisitorsPreviousKey() {
        Click sent = click(UUID.randomUUID(), "Mozilla/5.0 (Linux; Android 14) ünïcødé 🎉\ttab\\", "https://video.example/?q=ø",
                false);

        StreamedClick received = StreamedClick.decode(StreamedClick.encode(sent, "b".repeat(64)));

        assertThat(received.click()).isEqualTo(sent);
        assertThat(received.previousVisitorKey()).isEqualTo("b".repeat(64));
    }

    @Test
    void missingProjectUserAgentAndReferrerStayMissing() {
        Click sent = click(null, null, null, true);

        assertThat(StreamedClick.decode(StreamedClick.encode(sent, "c".repeat(64))).click()).isEqualTo(sent);
    }

    @Test
    void uniqueIsLeftToTheConsumer() {
        Click sent = new Click("0Vc2FLyHHLC9fW4EoOwLxjuo", Instant.parse("2026-11-26T07:30:01Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), "k", null, null, false, true);

        assertThat(StreamedClick.decode(StreamedClick.encode(sent, "p")).click().unique()).isFalse();
    }

    @Test
    void aRecordThatIsNotAClickIsRefused() {
        byte[] value = StreamedClick.encode(click(null, "ua", null, false), "p");

        assertThatThrownBy(() -> StreamedClick.decode(Arrays.copyOf(value, value.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamedClick.decode(Arrays.copyOf(value, value.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        value[0] = 9;
        assertThatThrownBy(() -> StreamedClick.decode(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> StreamedClick.decode("{\"json\":true}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamedClick.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
