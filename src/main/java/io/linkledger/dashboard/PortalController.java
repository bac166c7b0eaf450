package io.linkledger.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import io.linkledger.shared.HtmlPages;
import io.linkledger.shared.SignInSessions;

/**
 * The Creator Portal: sign in with an emailed link, then see every offer across brands. The
 * emailed link opens a confirmation page and signs in only on its button (a POST), because
 * mail scanners open links by themselves and would otherwise use up a single-use link.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SignInLinks links;
    private final SignInThrottle throttle;
    private final PortalOffers portalOffers;
    private final SecurityContextRepository contexts = SignInSessions.portal();

    PortalController(SignInLinks links, SignInThrottle throttle, PortalOffers portalOffers) {
        this.links = links;
        this.throttle = throttle;
        this.portalOffers = portalOffers;
    }

    @GetMapping
    Object start(@AuthenticationPrincipal PortalMember member, @RequestParam(name = "signed-out", required = false)
            String signedOut, @RequestParam(required = false) String expired, CsrfToken csrf,
            HttpServletResponse response) {
        if (member != null) {
            return new RedirectView("/portal/offers");
        }
        HtmlPages.privatePage(response);
        String notice = signedOut != null ? "You are signed out."
                : expired != null ? "That page had expired. Please try again." : null;
        return signInForm(csrf, "", null, notice, HttpStatus.OK);
    }

    @PostMapping("/sign-in")
    ModelAndView requestLink(@RequestParam(defaultValue = "") String email, CsrfToken csrf,
            HttpServletRequest request, HttpServletResponse response) {
        HtmlPages.privatePage(response);
        String trimmed = email.trim();
        if (trimmed.length() > 320 || !EMAIL.matcher(trimmed).matches()) {
            return signInForm(csrf, trimmed, "Enter your email address, such as name@example.com.", null,
                    HttpStatus.BAD_REQUEST);
        }
        if (!throttle.allow(trimmed, request.getRemoteAddr())) {
            response.setHeader("Retry-After", String.valueOf(SignInThrottle.WINDOW.toSeconds()));
            return message(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "Too many sign-in requests",
                    "Please wait 15 minutes before asking for another sign-in link.");
        }
        links.request(trimmed);
        return message(HttpStatus.OK, "Check your email", "Check your email",
                "If " + trimmed + " belongs to a member, we have sent a sign-in link to it. "
                        + "The link works once and expires in 15 minutes.");
    }

    @GetMapping("/sign-in/{token}")
    ModelAndView confirm(@PathVariable String token, CsrfToken csrf, HttpServletResponse response) {
        HtmlPages.privatePage(response);
        return switch (links.check(token)) {
            case VALID -> new ModelAndView("portal/confirm", Map.of("token", token, "csrf", csrf));
            case USED -> unusable("This sign-in link was already used.");
            case EXPIRED -> unusable("This sign-in link has expired.");
            case UNKNOWN -> {
                ModelAndView page = unusable("This sign-in link is not valid.");
                page.setStatus(HttpStatus.NOT_FOUND);
                yield page;
            }
        };
    }

    @PostMapping("/sign-in/{token}")
    Object signIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        HtmlPages.privatePage(response);
        return links.use(token).<Object>map(email -> {
            if (request.getSession(false) != null) {
                request.changeSessionId(); // a session fixed by someone else must not become signed in
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new PortalMember(email), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + SignInSessions.PORTAL_ROLE))));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            RedirectView offers = new RedirectView("/portal/offers");
            offers.setStatusCode(HttpStatus.SEE_OTHER);
            return offers;
        }).orElseGet(() -> unusable("This sign-in link has expired or was already used."));
    }

    @GetMapping("/offers")
    ModelAndView offers(@AuthenticationPrincipal PortalMember member, CsrfToken csrf, HttpServletResponse response) {
        HtmlPages.privatePage(response);
        return new ModelAndView("portal/offers", Map.of("email", member.email(),
                "offers", portalOffers.forEmail(member.email()), "csrf", csrf));
    }

    private static ModelAndView signInForm(CsrfToken csrf, String email, String error, String notice,
            HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf);
        model.put("email", email);
        model.put("error", error);
        model.put("notice", notice);
        ModelAndView page = new ModelAndView("portal/sign-in", model);
        page.setStatus(status);
        return page;
    }

    private static ModelAndView unusable(String why) {
        ModelAndView page = message(HttpStatus.GONE, "Sign-in link not usable", "Sign-in link not usable",
                why + " Ask for a new one: it takes a few seconds.");
        page.addObject("linkHref", "/portal");
        page.addObject("linkText", "Get a new sign-in link");
        return page;
    }

    private static ModelAndView message(HttpStatus status, String title, String heading, String text) {
        ModelAndView page = new ModelAndView("layout/message", new HashMap<>(Map.of("title", title,
                "heading", heading, "message", text)));
        page.setStatus(status);
        return page;
    }
}
