package io.linkledger.brands;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.shared.ProblemException;
import tools.jackson.databind.JsonNode;

/** The calling brand's settings: {@code GET} and {@code PATCH} (JSON merge patch) {@code /api/v1/brand}. */
@RestController
@RequestMapping("/api/v1/brand")
class BrandController {

    private final BrandSettingsService settings;

    BrandController(BrandSettingsService settings) {
        this.settings = settings;
    }

    /** Amounts as decimal strings and the logo as a data URL, as everywhere in the API. */
    record BrandResponse(UUID id, String name, String logo, String senderName, String senderEmail, String replyToEmail,
            String website, String defaultCurrency, String timeZone, PayoutMethod payoutMethod, String minimumPayout,
            Instant updatedAt) {

        static BrandResponse of(BrandSettings s) {
            return new BrandResponse(s.brandId(), s.name(), s.logo() == null ? null : s.logo().dataUrl(), s.senderName(),
                    s.senderEmail(), s.replyToEmail(), s.website(), s.defaultCurrency().getCurrencyCode(),
                    s.timeZone().getId(), s.payoutMethod(),
                    s.minimumPayout() == null ? null : s.minimumPayout().toPlainString(), s.updatedAt());
        }
    }

    @GetMapping
    BrandResponse get(@AuthenticationPrincipal BrandPrincipal caller) {
        return BrandResponse.of(settings.get(caller.brandId()));
    }

    @PatchMapping(consumes = {"application/json", "application/merge-patch+json"})
    BrandResponse change(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody JsonNode body) {
        return BrandResponse.of(settings.change(caller.brandId(), changes(body)));
    }

    /** Each field named in the body with its text; null for a JSON null (clear it). */
    private static Map<String, String> changes(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object of the settings to change");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                changes.put(field.getKey(), null);
            } else if (value.isString() || value.isNumber() && field.getKey().equals("minimumPayout")) {
                changes.put(field.getKey(), value.isString() ? value.stringValue() : value.decimalValue().toPlainString());
            } else {
                throw ProblemException.invalid(field.getKey(), "must be a string or null");
            }
        }
        return changes;
    }
}
