package io.linkledger.brands;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an API key may do. {@code reporting:read} reads reports and lists everywhere except
 * users, keys and other admin areas; each other scope reads and changes its own area; {@code
 * admin} does everything, including users and API keys. Which area a route belongs to is
 * decided in one place, the security feature's scope rules.
 */
public enum ApiScope {
    REPORTING_READ("reporting:read"),
    PROGRAMS("programs"),
    CONVERSIONS("conversions"),
    PAYMENTS("payments"),
    ADMIN("admin");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The authority an API key's authentication carries for this scope. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Set<ApiScope> ofAuthorities(Collection<? extends GrantedAuthority> authorities) {
        EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (GrantedAuthority authority : authorities) {
            Arrays.stream(values()).filter(s -> s.authority().equals(authority.getAuthority())).forEach(scopes::add);
        }
        return scopes;
    }

    public static Optional<ApiScope> parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.value.equals(wanted)).findFirst();
    }

    /** The scopes as stored: space-separated values, in declaration order. */
    static String format(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(" "));
    }

    static Set<ApiScope> parseStored(String stored) {
        EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String value : stored.trim().split("\\s+")) {
            scopes.add(parse(value).orElseThrow(() -> new IllegalStateException("Unknown stored scope " + value)));
        }
        return scopes;
    }

    /** Whether a key with {@code held} may do what any one of {@code accepted} allows. */
    public static boolean grants(Collection<ApiScope> held, Collection<ApiScope> accepted) {
        return held.contains(ADMIN) || accepted.stream().anyMatch(held::contains);
    }

    public static String describe(Collection<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(", "));
    }

    public static List<String> valueList() {
        return Arrays.stream(values()).map(ApiScope::value).toList();
    }
}
