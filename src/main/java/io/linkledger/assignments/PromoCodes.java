package io.linkledger.assignments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/** The rules of promo codes: what a chosen one may look like, and free ones made from first names. */
@Component
class PromoCodes {

    private static final String CHOSEN_CODE = "[A-Za-z0-9][A-Za-z0-9_-]{2,39}";
    /** Rounds of candidates before giving up; each round lengthens the random part. */
    private static final int MAX_ROUNDS = 16;

    private final AssignmentRepository repository;
    private final CodeGenerator codes;
    private final Members members;

    PromoCodes(AssignmentRepository repository, CodeGenerator codes, Members members) {
        this.repository = repository;
        this.codes = codes;
        this.members = members;
    }

    /** Whether {@code code} is a code a brand may choose; adds a field error when not. */
    static boolean checkChosen(String code, String field, Validation v) {
        boolean valid = code != null && code.trim().matches(CHOSEN_CODE);
        if (!valid) {
            v.add(field, "'" + code + "' is not a valid promo code: 3 to 40 letters, digits, '-' or '_', "
                    + "starting with a letter or digit");
        }
        return valid;
    }

    /** 409 unless the brand's other assignments leave {@code code} free (ignoring case). */
    void requireFree(UUID brandId, String code) {
        if (!repository.takenPromoKeys(brandId, List.of(code)).isEmpty()) {
            throw ProblemException.conflict("Promo code " + code + " is already used by another member");
        }
    }

    /**
     * The codes a brand chose per member for an assignment request, checked: well-formed, given to
     * members being assigned, not given twice, and not taken by anyone but the member themselves.
     */
    Map<UUID, String> chosen(Offer offer, Map<UUID, String> requested, Collection<UUID> memberIds) {
        if (requested == null || requested.isEmpty()) {
            return Map.of();
        }
        Validation v = new Validation();
        v.check(offer.type().hasCode(), "promoCodes", "offer type " + offer.type() + " has no promo codes");
        Set<String> seen = new HashSet<>();
        Set<UUID> assigned = new HashSet<>(memberIds);
        requested.forEach((memberId, code) -> {
            String field = "promoCodes." + memberId;
            v.check(assigned.contains(memberId), field, "member is not among those being assigned");
            if (checkChosen(code, field, v)) {
                v.check(seen.add(code.trim().toUpperCase(Locale.ROOT)), field, code + " is given to two members");
            }
        });
        v.throwIfInvalid();
        Map<UUID, String> wanted = requested.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().trim()));
        Map<UUID, Assignment> existing = repository.findByMembers(offer.id(), wanted.keySet()).stream()
                .collect(Collectors.toMap(Assignment::memberId, Function.identity()));
        Set<String> taken = repository.takenPromoKeys(offer.brandId(), wanted.values());
        wanted.forEach((memberId, code) -> {
            Assignment mine = existing.get(memberId);
            if (mine != null && mine.promoCode() != null) {
                if (!mine.promoCode().equalsIgnoreCase(code)) {
                    throw ProblemException.conflict("Member " + memberId + " already has promo code "
                            + mine.promoCode() + " in this offer; change it with PATCH on the assignment");
                }
            } else if (taken.contains(AssignmentRepository.promoKey(code))) {
                throw ProblemException.conflict("Promo code " + code + " is already used by another member");
            }
        });
        return wanted;
    }

    /**
     * Free promo codes for these members: their chosen one, or one made from their first name.
     * {@code firstRound} above 0 starts with longer random parts, after codes were lost to a
     * concurrent assignment.
     */
    Map<UUID, String> allocate(UUID brandId, List<UUID> memberIds, Map<UUID, String> chosen, int firstRound) {
        Map<UUID, String> result = new HashMap<>();
        Set<String> used = new HashSet<>();
        List<UUID> pending = new ArrayList<>();
        for (UUID memberId : memberIds) {
            String code = chosen.get(memberId);
            if (code != null) {
                result.put(memberId, code);
                used.add(AssignmentRepository.promoKey(code));
            } else {
                pending.add(memberId);
            }
        }
        Map<UUID, String> firstNames = pending.isEmpty() ? Map.of() : members.getAll(brandId, pending).stream()
                .collect(Collectors.toMap(Member::id, Member::firstName));
        for (int round = firstRound; !pending.isEmpty(); round++) {
            if (round > firstRound + MAX_ROUNDS) {
                throw new IllegalStateException("Could not find free promo codes for " + pending.size() + " members");
            }
            Map<UUID, String> candidates = new HashMap<>();
            for (UUID memberId : pending) {
                String code = codes.promoCode(firstNames.get(memberId), round);
                if (used.add(AssignmentRepository.promoKey(code))) {
                    candidates.put(memberId, code);
                }
            }
            Set<String> taken = repository.takenPromoKeys(brandId, candidates.values());
            List<UUID> next = new ArrayList<>();
            for (UUID memberId : pending) {
                String code = candidates.get(memberId);
                if (code == null || taken.contains(AssignmentRepository.promoKey(code))) {
                    next.add(memberId);
                } else {
                    result.put(memberId, code);
                }
            }
            pending = next;
        }
        return result;
    }
}
