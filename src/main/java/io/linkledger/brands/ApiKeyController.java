package io.linkledger.brands;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    private final Brands brands;

    ApiKeyController(Brands brands) {
        this.brands = brands;
    }

    record KeyRequest(String name) {
    }

    /** The new key's secret is in {@code key}, this once. */
    record CreatedKey(UUID id, String name, String key) {
    }

    @GetMapping
    List<ApiKey> list(@AuthenticationPrincipal BrandPrincipal caller) {
        return brands.listKeys(caller.brandId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey create(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody KeyRequest request) {
        NewApiKey key = brands.createKey(caller.brandId(), request.name() == null ? null : request.name().trim());
        return new CreatedKey(key.id(), key.name(), key.plainText());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        brands.revokeKey(caller.brandId(), id);
    }
}
