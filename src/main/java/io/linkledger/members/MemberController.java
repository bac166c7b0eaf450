package io.linkledger.members;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;

@RestController
@RequestMapping("/api/v1/members")
class MemberController {

    private final Members members;
    private final MemberImport memberImport;

    MemberController(Members members, MemberImport memberImport) {
        this.members = members;
        this.memberImport = memberImport;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Member create(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody MemberRequest request) {
        return members.create(caller.brandId(), request);
    }

    @GetMapping
    Page<Member> list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return members.list(caller.brandId(), q, Page.limit(limit), Page.offset(offset));
    }

    @GetMapping("/{id}")
    Member get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return members.get(caller.brandId(), id);
    }

    @PatchMapping("/{id}")
    Member update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody MemberRequest request) {
        return members.update(caller.brandId(), id, request);
    }

    /** A large import, running in the background as this job. */
    record ImportJob(UUID jobId) {
    }

    /**
     * CSV upload: 200 with a summary, or 202 with a job id for large files. With {@code dryRun=true},
     * 200 with what each row would do (new, updated, unchanged, invalid and why) and nothing written.
     */
    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(summary = "Import members from CSV")
    @ApiResponses({
            @ApiResponse(responseCode = "200", description = "What was imported, or with dryRun what would be",
                    content = @Content(schema = @Schema(anyOf = {MemberImport.Summary.class,
                            MemberImport.ImportPreview.class}))),
            @ApiResponse(responseCode = "202", description = "A large file: imported in the background",
                    content = @Content(schema = @Schema(implementation = ImportJob.class)))})
    ResponseEntity<Object> importCsv(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody String csv,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        if (dryRun) {
            return ResponseEntity.ok(memberImport.preview(caller.brandId(), csv));
        }
        MemberImport.Outcome outcome = memberImport.importCsv(caller.brandId(), csv);
        if (outcome.jobId() != null) {
            return ResponseEntity.accepted().body(new ImportJob(outcome.jobId()));
        }
        return ResponseEntity.ok(outcome.summary());
    }
}
