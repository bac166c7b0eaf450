package io.linkledger.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.members.Member;
import io.linkledger.members.Members;

/**
 * The Members list's Export CSV: every member matching the search, with the columns the import
 * reads (so an exported file, edited, imports back), plus the member id and when they were added.
 */
@Controller
class MembersCsvController {

    private static final int CHUNK = 1000;
    private static final List<String> HEADER = List.of("member_id", "name", "email", "handle", "paypal_email", "tags",
            "notes", "created_at");

    private final Members members;
    private final Clock clock;

    MembersCsvController(Members members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    @GetMapping("/members.csv")
    void csv(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String q,
            HttpServletResponse response) throws IOException {
        String fileName = "members-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
        CsvDownload.send(response, fileName, HEADER, csv -> members.each(caller.brandId(), q == null ? "" : q.trim(),
                CHUNK, page -> {
                    for (Member m : page) {
                        csv.row(m.id().toString(), m.name(), m.email(), m.handle(), m.paypalEmail(),
                                String.join("; ", m.tags()), m.notes(), m.createdAt().toString());
                    }
                    csv.flush();
                }));
    }
}
