package io.linkledger.conversions;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.conversions.QualitySummary.Row;
import io.linkledger.members.Members;

/** {@code GET /api/v1/members/{id}/quality}: the member's {@link QualitySummary}. */
@RestController
class MemberQualityController {

    private final MemberQuality quality;
    private final Members members;

    MemberQualityController(MemberQuality quality, Members members) {
        this.quality = quality;
        this.members = members;
    }

    /** Rates are percentages as decimal strings with one decimal ("12.5"); null without conversions. */
    record RowResponse(UUID offerId, long conversions, long held, long heldNow, long reversed, long spamClicks,
            String heldRate, String reversalRate) {

        static RowResponse of(Row row) {
            return new RowResponse(row.offerId(), row.conversions(), row.held(), row.heldNow(), row.reversed(),
                    row.spamClicks(), text(row.heldRate()), text(row.reversalRate()));
        }

        private static String text(BigDecimal percent) {
            return percent == null ? null : percent.toPlainString();
        }
    }

    record QualityResponse(UUID memberId, RowResponse overall, List<RowResponse> offers) {
    }

    @GetMapping("/api/v1/members/{id}/quality")
    QualityResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        members.get(caller.brandId(), id);
        QualitySummary summary = quality.of(caller.brandId(), id);
        return new QualityResponse(id, RowResponse.of(summary.overall()),
                summary.offers().stream().map(RowResponse::of).toList());
    }
}
