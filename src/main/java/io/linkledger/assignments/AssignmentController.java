package io.linkledger.assignments;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Page;
import io.linkledger.shared.PublicUrls;

@RestController
@RequestMapping("/api/v1/offers/{offerId}/members")
class AssignmentController {

    private final Assignments assignments;
    private final Offers offers;
    private final PublicUrls urls;

    AssignmentController(Assignments assignments, Offers offers, PublicUrls urls) {
        this.assignments = assignments;
        this.offers = offers;
        this.urls = urls;
    }

    record AssignResponse(List<AssignmentResponse> assignments) {
    }

    /** 200 with the assignments, or 202 with a job id when the set is large. */
    @PostMapping
    ResponseEntity<Object> assign(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestBody Assignments.AssignRequest request) {
        Assignments.AssignOutcome outcome = assignments.assign(caller.brandId(), offerId, request);
        if (outcome.jobId() != null) {
            return ResponseEntity.accepted()
                    .header("Location", "/api/v1/jobs/" + outcome.jobId())
                    .body(Map.of("jobId", outcome.jobId(), "total", outcome.total()));
        }
        Offer offer = offers.get(caller.brandId(), offerId);
        return ResponseEntity.ok(new AssignResponse(
                outcome.assignments().stream().map(a -> AssignmentResponse.of(a, offer, urls)).toList()));
    }

    @GetMapping
    Page<AssignmentResponse> list(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        Offer offer = offers.get(caller.brandId(), offerId);
        return assignments.list(caller.brandId(), offerId, Page.limit(limit), Page.offset(offset))
                .map(a -> AssignmentResponse.of(a, offer, urls));
    }

    @GetMapping("/{memberId}")
    AssignmentResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID memberId) {
        Offer offer = offers.get(caller.brandId(), offerId);
        return AssignmentResponse.of(assignments.get(caller.brandId(), offerId, memberId), offer, urls);
    }

    @PatchMapping("/{memberId}")
    AssignmentResponse change(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID memberId, @RequestBody Assignments.AssignmentChange change) {
        Offer offer = offers.get(caller.brandId(), offerId);
        return AssignmentResponse.of(assignments.change(caller.brandId(), offerId, memberId, change), offer, urls);
    }
}
