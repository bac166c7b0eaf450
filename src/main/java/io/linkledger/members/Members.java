package io.linkledger.members;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/** Members (creators) of a brand: who they are and how to reach and pay them. */
@Service
public class Members {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final MemberRepository repository;
    private final Ids ids;
    private final Clock clock;
    private final AuditTrail audit;

    public Members(MemberRepository repository, Ids ids, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
    }

    public Member get(UUID brandId, UUID memberId) {
        return repository.find(memberId)
                .filter(member -> member.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Member", memberId));
    }

    /**
     * The brand's members with these ids, in no particular order; a 400 problem naming the
     * ids that are not the brand's members, so nothing is done with a half-valid list.
     */
    public List<Member> getAll(UUID brandId, Collection<UUID> memberIds) {
        List<Member> found = repository.findAll(brandId, memberIds);
        if (found.size() < memberIds.stream().distinct().count()) {
            Set<UUID> known = found.stream().map(Member::id).collect(Collectors.toSet());
            List<String> unknown = memberIds.stream().filter(id -> !known.contains(id)).distinct().limit(10)
                    .map(UUID::toString).toList();
            throw ProblemException.invalid("memberIds", "no such member: " + String.join(", ", unknown));
        }
        return found;
    }

    public Page<Member> list(UUID brandId, String search, int limit, int offset) {
        return new Page<>(repository.list(brandId, search, limit, offset), repository.count(brandId, search), limit,
                offset);
    }

    /**
     * Every member matching {@code search} (all when blank) in name order, handed over {@code chunk}
     * at a time: an export reads them page after page without offsets and never holds them all.
     */
    public void each(UUID brandId, String search, int chunk, Consumer<List<Member>> sink) {
        Member last = null;
        while (true) {
            List<Member> page = repository.listAfter(brandId, search, last, chunk);
            if (page.isEmpty()) {
                return;
            }
            sink.accept(page);
            if (page.size() < chunk) {
                return;
            }
            last = page.getLast();
        }
    }

    @Transactional
    public Member create(UUID brandId, MemberRequest request) {
        Validation v = new Validation();
        validate(request, true, v);
        v.throwIfInvalid();
        rejectTakenEmail(brandId, request.email(), null);
        Instant now = clock.instant();
        Member member = new Member(ids.next(), brandId, request.name().trim(), request.email().trim(),
                trimToNull(request.handle()), trimToNull(request.paypalEmail()), trimToNull(request.notes()),
                request.tags() == null ? List.of() : Tags.normalize(request.tags()), now, now);
        repository.insert(member);
        audit.record(AuditEntry.of(brandId, "member.created", "member", member.id()).member(member.id()).change(null, member));
        return member;
    }

    @Transactional
    public Member update(UUID brandId, UUID memberId, MemberRequest request) {
        Member old = get(brandId, memberId);
        Validation v = new Validation();
        validate(request, false, v);
        v.throwIfInvalid();
        if (request.email() != null) {
            rejectTakenEmail(brandId, request.email(), memberId);
        }
        Member member = new Member(old.id(), brandId,
                request.name() == null ? old.name() : request.name().trim(),
                request.email() == null ? old.email() : request.email().trim(),
                request.handle() == null ? old.handle() : trimToNull(request.handle()),
                request.paypalEmail() == null ? old.paypalEmail() : trimToNull(request.paypalEmail()),
                request.notes() == null ? old.notes() : trimToNull(request.notes()),
                request.tags() == null ? old.tags() : Tags.normalize(request.tags()),
                old.createdAt(), clock.instant());
        repository.update(member);
        audit.record(AuditEntry.of(brandId, "member.updated", "member", memberId).member(memberId).change(old, member));
        return member;
    }

    /** Field checks shared by the API and the CSV import; {@code creating} makes name and email required. */
    static void validate(MemberRequest r, boolean creating, Validation v) {
        if (creating || r.name() != null) {
            v.check(!Validation.isBlank(r.name()), "name", "is required");
            v.check(r.name() == null || r.name().trim().length() <= 200, "name", "must be at most 200 characters");
        }
        if (creating || r.email() != null) {
            if (Validation.isBlank(r.email())) {
                v.add("email", "is required");
            } else {
                v.check(isEmail(r.email()), "email", "'" + r.email().trim() + "' is not an email address");
            }
        }
        v.check(r.handle() == null || r.handle().trim().length() <= 100, "handle", "must be at most 100 characters");
        v.check(Validation.isBlank(r.paypalEmail()) || isEmail(r.paypalEmail()), "paypalEmail",
                "'" + r.paypalEmail() + "' is not an email address");
        v.check(r.notes() == null || r.notes().trim().length() <= 4000, "notes", "must be at most 4000 characters");
        Tags.validate(r.tags(), v);
    }

    static boolean isEmail(String value) {
        String trimmed = value.trim();
        return trimmed.length() <= 320 && EMAIL.matcher(trimmed).matches();
    }

    private void rejectTakenEmail(UUID brandId, String email, UUID self) {
        repository.findByEmail(brandId, email)
                .filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw new MemberEmailTaken(email, existing);
                });
    }

    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Every brand's member records with this email address (case-insensitive). The creator
     * portal's identity is the email address, so one person may be a member of many brands.
     */
    public List<Member> findByEmailAcrossBrands(String email) {
        return email == null || email.isBlank() ? List.of() : repository.findByEmailAcrossBrands(email);
    }
}
