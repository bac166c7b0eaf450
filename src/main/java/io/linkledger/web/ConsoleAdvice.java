package io.linkledger.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.brands.Role;

/** Puts {@link Console} in the model of every console page. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private final BrandSettingsService brands;

    ConsoleAdvice(BrandSettingsService brands) {
        this.brands = brands;
    }

    @ModelAttribute("console")
    Console console(@AuthenticationPrincipal BrandPrincipal caller, Authentication authentication, CsrfToken csrf) {
        if (caller == null) {
            return null;
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        BrandSettings brand = brands.get(caller.brandId());
        String user = caller.actor().startsWith("user:") ? caller.actor().substring(5) : caller.actor();
        return new Console(caller.brandId(), brand.name(), brand.timeZone().getId(), user, admin, csrf);
    }
}
