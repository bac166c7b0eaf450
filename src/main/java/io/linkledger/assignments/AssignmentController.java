package io.linkledger.assignments;

import java.util.List;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/v1/offers/{offerId}/members")
class AssignmentController {

    private final Assignments assignments;
    private final Offers offers;

    AssignmentController(Assignments assignments, Offers offers) {
        this.assignments = assignments;
        this.offers = offers;
    }

    record AssignResponse(List<AssignmentResponse> assignments) {
    }

    /** A large assignment, running in the background as this job. */
    record AssignJob(UUID jobId, int total) {
    }

    /** 200 with the assignments, or 202 with a job id when the set is large. */
    @PostMapping
    @Operation(summary = "Assign members to an offer")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "The assignments",
                    content = @Content(schema = @Schema(implementation = AssignResponse.class))),
            @ApiResponse(responseCode = "202", description = "Many members: assigned in the background",
                    content = @Content(schema = @Schema(implementation = AssignJob.class)))})
    ResponseEntity<Object> assign(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestBody Assignments.AssignRequest request) {
        Assignments.AssignOutcome outcome = assignments.assign(caller.brandId(), offerId, request);
        if (outcome.jobId() != null) {
            return ResponseEntity.accepted()
                    .header("Location", "/api/v1/jobs/" + outcome.jobId())
                    .body(new AssignJob(outcome.jobId(), outcome.total()));
        }
        Offer offer = offers.get(caller.brandId(), offerId);
        return ResponseEntity.ok(new AssignResponse(
                outcome.assignments().stream().map(a -> response(a, offer)).toList()));
    }

    @GetMapping
    @Operation(summary = "List an offer's members")
    Page<AssignmentResponse> list(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        Offer offer = offers.get(caller.brandId(), offerId);
        return assignments.list(caller.brandId(), offerId, Page.limit(limit), Page.offset(offset))
                .map(a -> response(a, offer));
    }

    @GetMapping("/{memberId}")
    @Operation(summary = "Get a member's assignment to an offer")
    AssignmentResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID memberId) {
        Offer offer = offers.get(caller.brandId(), offerId);
        return response(assignments.get(caller.brandId(), offerId, memberId), offer);
    }

    @PatchMapping("/{memberId}")
    @Operation(summary = "Change a member's assignment to an offer")
    AssignmentResponse change(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID memberId, @RequestBody Assignments.AssignmentChange change) {
        Offer offer = offers.get(caller.brandId(), offerId);
        return response(assignments.change(caller.brandId(), offerId, memberId, change), offer);
    }

    private AssignmentResponse response(Assignment a, Offer offer) {
        return AssignmentResponse.of(a, offer, assignments.links(offer, a));
    }
}
