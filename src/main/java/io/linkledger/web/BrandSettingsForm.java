package io.linkledger.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.web.multipart.MultipartFile;

import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.PayoutMethod;

/**
 * The Brand section of the Settings page: the brand's settings as form values, and a posted form
 * as the change it asks for (every field is sent, so a blank one clears its setting).
 */
final class BrandSettingsForm {

    /** The text fields of the form, named as the brand settings are. */
    static final List<String> TEXT_FIELDS = List.of("name", "senderName", "senderEmail", "replyToEmail", "website",
            "defaultCurrency", "timeZone", "payoutMethod", "minimumPayout");

    /** Region time zones (Europe/Paris) and UTC: what people pick from; legacy aliases left out. */
    private static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")))
            .sorted(Comparator.comparing((String id) -> !id.equals("UTC")).thenComparing(Comparator.naturalOrder()))
            .toList();

    private BrandSettingsForm() {
    }

    static Form of(BrandSettings s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", s.name());
        values.put("senderName", text(s.senderName()));
        values.put("senderEmail", text(s.senderEmail()));
        values.put("replyToEmail", text(s.replyToEmail()));
        values.put("website", text(s.website()));
        values.put("defaultCurrency", s.defaultCurrency().getCurrencyCode());
        values.put("timeZone", s.timeZone().getId());
        values.put("payoutMethod", s.payoutMethod() == null ? "" : s.payoutMethod().name());
        values.put("minimumPayout", s.minimumPayout() == null ? "" : s.minimumPayout().toPlainString());
        return new Form(values, FormErrors.NONE);
    }

    /** The change a posted form asks for; a chosen file replaces the logo, "remove" clears it. */
    static Map<String, String> changes(Map<String, String> posted, MultipartFile logo) {
        Map<String, String> changes = new LinkedHashMap<>();
        TEXT_FIELDS.forEach(field -> changes.put(field, posted.get(field)));
        if (logo != null && !logo.isEmpty()) {
            changes.put("logo", dataUrl(logo));
        } else if ("true".equals(posted.get("removeLogo"))) {
            changes.put("logo", null);
        }
        return changes;
    }

    static List<Choice> zones(String chosen) {
        return ZONES.stream().map(id -> new Choice(id, id.replace('_', ' '), id.equals(chosen))).toList();
    }

    static List<Choice> payoutMethods(String chosen) {
        return Stream.concat(Stream.of(new Choice("", "The server's setting", chosen.isEmpty())),
                Stream.of(PayoutMethod.values()).map(m -> new Choice(m.name(), m.label(), m.name().equals(chosen))))
                .toList();
    }

    // The brand settings read the image's real type from its bytes; the browser's claim is only passed on.
    private static String dataUrl(MultipartFile file) {
        try {
            String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
