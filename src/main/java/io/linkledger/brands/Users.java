package io.linkledger.brands;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/** Brand console users: who may sign in, with which role. */
@Service
public class Users {

    static final int MIN_PASSWORD_LENGTH = 12;
    /**
     * BCrypt reads only the first 72 bytes of a password. Longer ones are refused rather than
     * cut or pre-hashed: 72 bytes is a long passphrase, and a password that is silently cut
     * would sign in with any ending.
     */
    static final int MAX_PASSWORD_BYTES = 72;

    private final UserRepository repository;
    private final PasswordEncoder passwords;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    // Compared against when the email is unknown, so a miss takes as long as a wrong password.
    private final String decoyHash;

    public Users(UserRepository repository, PasswordEncoder passwords, Ids ids, Clock clock,
            ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.decoyHash = passwords.encode("decoy password that matches nothing");
    }

    @Transactional
    public User create(UUID brandId, String email, String password, Role role) {
        Validation v = new Validation();
        v.check(email != null && email.trim().matches("[^@\\s]+@[^@\\s]+"), "email", "must be an email address");
        checkPassword(password, v);
        v.check(role != null, "role", "is required: ADMIN or VIEWER");
        v.throwIfInvalid();
        if (repository.emailTaken(email)) {
            throw ProblemException.conflict("A user with email " + email.trim() + " already exists");
        }
        User user = new User(ids.next(), brandId, email.trim(), role, clock.instant(), null);
        repository.insert(user, passwords.encode(password));
        audit.record(AuditEntry.of(brandId, "user.invited", "user", user.id()).change(null, user));
        return user;
    }

    public List<User> list(UUID brandId) {
        return repository.list(brandId);
    }

    /** Changes role and/or disables; the brand always keeps at least one active admin. */
    @Transactional
    public User update(UUID brandId, UUID userId, Role role, Boolean disabled) {
        return update(brandId, userId, role, disabled, null);
    }

    /**
     * Changes role, disables or enables, and/or sets a new password; the brand always keeps at
     * least one active admin. Any change to what the user may do ends the user's sessions.
     */
    @Transactional
    public User update(UUID brandId, UUID userId, Role role, Boolean disabled, String password) {
        if (password != null) {
            Validation v = new Validation();
            checkPassword(password, v);
            v.throwIfInvalid();
        }
        User user = repository.find(userId).filter(u -> u.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("User", userId));
        Role newRole = role != null ? role : user.role();
        boolean nowDisabled = disabled != null ? disabled : user.disabledAt() != null;
        boolean losesAdmin = user.role() == Role.ADMIN && user.disabledAt() == null
                && (newRole != Role.ADMIN || nowDisabled);
        long activeAdmins = repository.list(brandId).stream()
                .filter(u -> u.role() == Role.ADMIN && u.disabledAt() == null).count();
        if (losesAdmin && activeAdmins <= 1) {
            throw ProblemException.conflict("This is the brand's last active admin; make another user admin first");
        }
        Instant disabledAt = nowDisabled ? (user.disabledAt() != null ? user.disabledAt() : clock.instant()) : null;
        repository.update(userId, newRole, disabledAt);
        if (password != null) {
            repository.updatePassword(userId, passwords.encode(password));
        }
        User changed = repository.find(userId).orElseThrow();
        audit.record(AuditEntry.of(brandId, "user.updated", "user", userId).change(user, changed));
        if (password != null) {
            audit.record(AuditEntry.of(brandId, "user.password_changed", "user", userId)); // never the password
        }
        boolean newlyDisabled = user.disabledAt() == null && disabledAt != null;
        if (newRole != user.role() || newlyDisabled || password != null) {
            events.publishEvent(new UserAccessChanged(changed));
        }
        return changed;
    }

    /** The user with this email, active or not. */
    public Optional<User> findByEmail(String email) {
        return repository.findCredentials(email).map(UserRepository.Credentials::user);
    }

    /** The active user with this email and password. */
    public Optional<User> authenticate(String email, String password) {
        String presented = password == null ? "" : password;
        if (tooLong(presented)) {
            return Optional.empty(); // could never have been set, so it matches no one
        }
        Optional<UserRepository.Credentials> found = repository.findCredentials(email == null ? "" : email);
        if (found.isEmpty()) {
            passwords.matches(presented, decoyHash);
            return Optional.empty();
        }
        UserRepository.Credentials credentials = found.get();
        boolean matches = passwords.matches(presented, credentials.passwordHash());
        return matches && credentials.user().disabledAt() == null ? Optional.of(credentials.user()) : Optional.empty();
    }

    boolean anyExists() {
        return repository.anyExists();
    }

    private static void checkPassword(String password, Validation v) {
        v.check(password != null && password.length() >= MIN_PASSWORD_LENGTH, "password",
                "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        v.check(password == null || !tooLong(password), "password", "must be at most " + MAX_PASSWORD_BYTES
                + " bytes in UTF-8 (72 plain letters or digits; accented letters and emoji take 2 to 4 bytes each)");
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
