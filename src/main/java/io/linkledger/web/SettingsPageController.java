package io.linkledger.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.linkledger.brands.ApiKey;
import io.linkledger.brands.BrandPrincipal;
import io.linkledger.brands.BrandSettings;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.brands.Brands;
import io.linkledger.brands.NewApiKey;
import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.shared.ProblemException;

/** Settings: the brand itself, its console users and its API keys. Changes are for admins (security refuses viewers). */
@Controller
class SettingsPageController {

    private final Users users;
    private final Brands brands;
    private final BrandSettingsService brandSettings;

    SettingsPageController(Users users, Brands brands, BrandSettingsService brandSettings) {
        this.users = users;
        this.brands = brands;
        this.brandSettings = brandSettings;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String notice,
            Model model) {
        return page(caller, null, Form.empty(), Form.empty(), null, notice(notice), model);
    }

    /** The whole Brand form is sent, so a blank field clears its setting; nothing is saved unless all of it is valid. */
    @PostMapping("/settings/brand")
    String changeBrand(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            @RequestParam(required = false) MultipartFile logo, HttpServletResponse response, Model model) {
        try {
            brandSettings.change(caller.brandId(), BrandSettingsForm.changes(form, logo));
            return "redirect:/settings?notice=brand-changed";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Map<String, String> typed = new LinkedHashMap<>();
            BrandSettingsForm.TEXT_FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "")));
            return page(caller, new Form(typed, FormErrors.of(e)), Form.empty(), Form.empty(), null, null, model);
        }
    }

    @PostMapping("/settings/users")
    String addUser(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        Role role = role(form.get("role"));
        try {
            if (role == null) {
                throw ProblemException.invalid("role", "must be Admin or Viewer");
            }
            users.create(caller.brandId(), form.get("email"), form.get("password"), role);
            return "redirect:/settings?notice=user-added";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("password");
            return page(caller, null, new Form(typed, FormErrors.of(e)), Form.empty(), null, null, model);
        }
    }

    @PostMapping("/settings/users/{userId}")
    String changeUser(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID userId,
            @RequestParam(required = false) String role, @RequestParam(required = false) Boolean disabled,
            HttpServletResponse response, Model model) {
        try {
            users.update(caller.brandId(), userId, role(role), disabled);
            return "redirect:/settings?notice=user-changed";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, null, Form.empty(), Form.empty(), FormErrors.of(e).summary(), null, model);
        }
    }

    /** Creates a key and shows its plain text on this response only; it is never stored or shown again. */
    @PostMapping("/settings/keys")
    String createKey(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String name,
            HttpServletResponse response, Model model) {
        try {
            NewApiKey key = brands.createKey(caller.brandId(), name == null ? null : name.trim());
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("key", key);
            return "console/settings/key-created";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Form typed = new Form(Map.of("name", name == null ? "" : name), FormErrors.of(e));
            return page(caller, null, Form.empty(), typed, null, null, model);
        }
    }

    @GetMapping("/settings/keys/{keyId}/revoke")
    String confirmRevoke(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID keyId, Model model) {
        ApiKey key = brands.listKeys(caller.brandId()).stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("API key", keyId));
        model.addAttribute("key", key);
        return "console/settings/revoke";
    }

    @PostMapping("/settings/keys/{keyId}/revoke")
    String revoke(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID keyId) {
        brands.revokeKey(caller.brandId(), keyId);
        return "redirect:/settings?notice=key-revoked";
    }

    /** {@code brandForm} null shows the brand's settings as stored. */
    private String page(BrandPrincipal caller, Form brandForm, Form addUser, Form addKey, String userError,
            String notice, Model model) {
        BrandSettings brand = brandSettings.get(caller.brandId());
        Form brandValues = brandForm != null ? brandForm : BrandSettingsForm.of(brand);
        model.addAttribute("page", new SettingsView(brand, brandValues,
                BrandSettingsForm.zones(brandValues.value("timeZone")),
                BrandSettingsForm.payoutMethods(brandValues.value("payoutMethod")), users.list(caller.brandId()),
                brands.listKeys(caller.brandId()), addUser, addKey, userError, notice));
        return "console/settings/settings";
    }

    private static Role role(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "brand-changed" -> "Brand settings saved.";
            case "user-added" -> "User added. They can sign in now.";
            case "user-changed" -> "User changed.";
            case "key-revoked" -> "API key revoked. Requests with it are refused from now on.";
            default -> null;
        };
    }
}
