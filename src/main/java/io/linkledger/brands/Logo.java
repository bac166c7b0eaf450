package io.linkledger.brands;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brand's logo image, stored with the brand. Pages show it as a {@code data:} URL: their content
 * security policy loads images only from their own origin or {@code data:}, so a link to an image
 * elsewhere would be blocked. The type is read from the bytes, not from what the sender claims.
 */
public record Logo(String mediaType, byte[] bytes) {

    /** Small enough to inline in every dashboard page; a logo needs far less. */
    public static final int MAX_BYTES = 100 * 1024;

    private static final Pattern DATA_URL = Pattern.compile("data:([a-z/+.-]{1,40});base64,([A-Za-z0-9+/=]+)");

    public Logo {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The image as a {@code data:} URL, for an {@code <img src>} and the API. */
    public String dataUrl() {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** A PNG, JPEG, GIF or WebP image of at most {@link #MAX_BYTES}; the problem in words otherwise. */
    static Logo of(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("is an empty file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("is " + (bytes.length + 1023) / 1024 + " KB; a logo may be at most "
                    + MAX_BYTES / 1024 + " KB");
        }
        return new Logo(sniff(bytes).orElseThrow(() -> new IllegalArgumentException(
                "must be a PNG, JPEG, GIF or WebP image (SVG is not accepted)")), bytes);
    }

    /** A logo sent as a {@code data:image/…;base64,…} URL. */
    static Logo parseDataUrl(String text) {
        // Checked before decoding, so an oversized upload costs no memory.
        if (text.length() > MAX_BYTES * 4 / 3 + 100) {
            throw new IllegalArgumentException("is larger than " + MAX_BYTES / 1024 + " KB");
        }
        Matcher m = DATA_URL.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a data URL such as data:image/png;base64,iVBORw0…");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not valid base64 after 'base64,'");
        }
        Logo logo = of(bytes);
        if (!logo.mediaType().equals(m.group(1))) {
            throw new IllegalArgumentException("says " + m.group(1) + " but the image is " + logo.mediaType());
        }
        return logo;
    }

    private static Optional<String> sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Logo logo && mediaType.equals(logo.mediaType) && Arrays.equals(bytes, logo.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Logo[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
