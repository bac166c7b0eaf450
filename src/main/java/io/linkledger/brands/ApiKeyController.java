package io.linkledger.brands;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.shared.ProblemException;

@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    private final Brands brands;

    ApiKeyController(Brands brands) {
        this.brands = brands;
    }

    /** {@code scopes} left out means admin, what every key could do before scopes existed. */
    record KeyRequest(String name, List<String> scopes) {
    }

    /** The new key's secret is in {@code key}, this once. */
    record CreatedKey(UUID id, String name, Set<ApiScope> scopes, String key) {
    }

    @GetMapping
    List<ApiKey> list(@AuthenticationPrincipal BrandPrincipal caller) {
        return brands.listKeys(caller.brandId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey create(@AuthenticationPrincipal BrandPrincipal caller, Authentication authentication,
            @RequestBody KeyRequest request) {
        NewApiKey key = brands.createKey(caller.brandId(), request.name() == null ? null : request.name().trim(),
                scopes(request.scopes()), ApiScope.ofAuthorities(authentication.getAuthorities()));
        return new CreatedKey(key.id(), key.name(), key.scopes(), key.plainText());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        brands.revokeKey(caller.brandId(), id);
    }

    private static Set<ApiScope> scopes(List<String> requested) {
        if (requested == null) {
            return EnumSet.of(ApiScope.ADMIN);
        }
        EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String value : requested) {
            scopes.add(ApiScope.parse(value).orElseThrow(() -> ProblemException.invalid("scopes",
                    "'" + value + "' is not a scope: use " + String.join(", ", ApiScope.valueList()))));
        }
        return scopes;
    }
}
