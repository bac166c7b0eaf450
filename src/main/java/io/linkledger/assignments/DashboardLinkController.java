package io.linkledger.assignments;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Lets a brand manage a member's dashboard link: read it, rotate it (the old link then says
 * "replaced") or revoke it (the link says "revoked" until the brand rotates it again).
 */
@RestController
@RequestMapping("/api/v1/offers/{offerId}/members/{memberId}/dashboard-link")
class DashboardLinkController {

    private final Assignments assignments;
    private final DashboardLinks links;
    private final PublicUrls urls;

    DashboardLinkController(Assignments assignments, DashboardLinks links, PublicUrls urls) {
        this.assignments = assignments;
        this.links = links;
        this.urls = urls;
    }

    /** {@code dashboardLink} is null while the dashboard is revoked. */
    record DashboardLink(UUID offerId, UUID memberId, String dashboardLink, boolean active, Instant updatedAt) {
    }

    @GetMapping
    @Operation(summary = "Get a member's dashboard link")
    DashboardLink get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID memberId) {
        return link(assignments.get(caller.brandId(), offerId, memberId));
    }

    @PostMapping("/rotate")
    @Operation(summary = "Replace a dashboard link with a new one")
    DashboardLink rotate(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID memberId) {
        return link(links.rotate(caller.brandId(), offerId, memberId));
    }

    @DeleteMapping
    @Operation(summary = "Revoke a dashboard link")
    @ApiResponse(responseCode = "204", description = "Revoked; the link answers 410 from now on")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID memberId) {
        links.revoke(caller.brandId(), offerId, memberId);
        return ResponseEntity.noContent().build();
    }

    private DashboardLink link(Assignment a) {
        String link = a.dashboardToken() == null ? null : urls.dashboardLink(a.dashboardToken());
        return new DashboardLink(a.offerId(), a.memberId(), link, link != null, a.updatedAt());
    }
}
