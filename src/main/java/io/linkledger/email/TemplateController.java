package io.linkledger.email;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;

@RestController
@RequestMapping("/api/v1/email-templates/{kind}")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    EmailTemplate get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable TemplateKind kind) {
        return templates.get(caller.brandId(), kind);
    }

    @PutMapping
    EmailTemplate save(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable TemplateKind kind,
            @RequestBody EmailTemplate template) {
        return templates.save(caller.brandId(), kind, template);
    }

    @DeleteMapping
    EmailTemplate reset(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable TemplateKind kind) {
        return templates.reset(caller.brandId(), kind);
    }
}
