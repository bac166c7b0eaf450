package io.linkledger.conversions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linkledger.conversions.QualitySummary.Row;
import io.linkledger.tracking.ClickSpam;

/** A member's {@link QualitySummary}: read from the member's conversions and flagged clicks. */
@Service
public class MemberQuality {

    private final HoldRepository holds;
    private final ClickSpam spam;

    MemberQuality(HoldRepository holds, ClickSpam spam) {
        this.holds = holds;
        this.spam = spam;
    }

    /** The brand's member's summary, offers with conversions or flagged clicks only. */
    public QualitySummary of(UUID brandId, UUID memberId) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        holds.memberRows(brandId, memberId).forEach(row -> rows.put(row.offerId(), row));
        for (ClickSpam.Flagged flagged : spam.ofMember(brandId, memberId)) {
            rows.put(flagged.offerId(), rows.getOrDefault(flagged.offerId(), new Row(flagged.offerId(), 0, 0, 0, 0, 0))
                    .withSpamClicks(flagged.clicks()));
        }
        return QualitySummary.of(new ArrayList<>(rows.values()));
    }
}
