package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The COPY text the clicks are written as (the PostgreSQL round trip is in RedirectApiTest). */
class ClickCopyTest {

    private static final UUID BRAND = UUID.fromString("0189f7a2-3b4c-7d5e-8f60-718293a4b5c6");
    private static final UUID OFFER = UUID.fromString("ffffffff-0000-4000-a000-00000000000f");

    private static Click click(Instant at, UUID project, String userAgent, String referrer, boolean bot, boolean unique) {
        return new Click("tid1", at, BRAND, OFFER, BRAND, project, OFFER, "vk", userAgent, referrer, bot, unique);
    }

    private static String encode(Click... clicks) {
        return new String(ClickCopy.encode(List.of(clicks)).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void eachClickIsOneTabSeparatedLineWithIdsTimeAndFlags() {
        String text = encode(click(Instant.parse("2026-01-02T03:04:05.000607Z"), null, "Mozilla/5.0", null, false, true),
                click(Instant.parse("2026-01-02T03:04:05.123456Z"), OFFER, "UA", "https://ref.example/", true, false),
                click(Instant.parse("2026-12-31T23:59:00Z"), null, null, null, false, false));

        assertThat(text.split("\n", -1)).containsExactly(
                "tid1\t2026-01-02 03:04:05.000607+00\t" + BRAND + "\t" + OFFER + "\t" + BRAND + "\t\\N\t" + OFFER
                        + "\tvk\tMozilla/5.0\t\\N\tf\tt",
                "tid1\t2026-01-02 03:04:05.123456+00\t" + BRAND + "\t" + OFFER + "\t" + BRAND + "\t" + OFFER + "\t" + OFFER
                        + "\tvk\tUA\thttps://ref.example/\tt\tf",
                "tid1\t2026-12-31 23:59:00.000000+00\t" + BRAND + "\t" + OFFER + "\t" + BRAND + "\t\\N\t" + OFFER
                        + "\tvk\t\\N\t\\N\tf\tf",
                "");
    }

    @Test
    void separatorsAreEscapedNulIsDroppedAndOtherTextIsUtf8() {
        String text = encode(click(Instant.EPOCH, null, "a\\N\tb\nc\rd\0e", "ü€😀 ok", false, false));

        assertThat(text).contains("\ta\\\\N\\tb\\nc\\rde\tü€😀 ok\t");
    }

    /** Escapes and multi-byte characters take more room than the one byte per character a batch is sized for. */
    @Test
    void textMuchLongerOnceEncodedStillFits() {
        String agent = "\u00fc\t\ud83d\ude00\\".repeat(300);
        String text = encode(click(Instant.EPOCH, null, agent, agent, false, false),
                click(Instant.EPOCH, null, "UA", null, false, false));

        String encoded = "\u00fc\\t\ud83d\ude00\\\\".repeat(300);
        assertThat(text).contains("\t" + encoded + "\t" + encoded + "\t", "\tvk\tUA\t\\N\tf\tf\n");
    }
}
