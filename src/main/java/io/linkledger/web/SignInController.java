package io.linkledger.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's sign-in page; Spring Security handles the form post to {@code /login}. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(CsrfToken csrf, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("csrf", csrf);
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "console/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/offers";
    }
}
