package io.linkledger.dashboard;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.linkledger.shared.HtmlPages;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.RateLimiter;
import io.linkledger.shared.RateLimits;
import io.linkledger.assignments.RetiredDashboardToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member's dashboard link: {@code /d/{token}} (HTML), {@code /d/{token}.json} (data) and
 * {@code /d/{token}/chart} (the chart panel, swapped in by htmx when the range changes). The
 * token is the credential, so every answer is kept out of search engines and referrers.
 */
@Controller
class DashboardController {

    private final Dashboards dashboards;
    private final JsonMapper json;
    private final RateLimiter limiter;

    DashboardController(Dashboards dashboards, JsonMapper json, RateLimits limits,
            @Value("${linkledger.dashboard.requests-per-minute:60}") int requestsPerMinute) {
        this.dashboards = dashboards;
        this.json = json;
        this.limiter = limits.limiter("dashboard", requestsPerMinute, Duration.ofMinutes(1));
    }

    @GetMapping(path = "/d/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(@PathVariable String token, @RequestParam(required = false) String range,
            HttpServletResponse response) {
        return html(token, range, "dashboard/page", response);
    }

    @GetMapping(path = "/d/{token}/chart", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView chart(@PathVariable String token, @RequestParam(required = false) String range,
            HttpServletResponse response) {
        return html(token, range, "dashboard/chart", response);
    }

    @GetMapping(path = "/d/{token}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> data(@PathVariable String token, @RequestParam(required = false) String range,
            HttpServletResponse response) {
        HtmlPages.privatePage(response);
        if (!limiter.tryAcquire(token)) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests for this dashboard; try again in a minute");
        }
        ChartRange chosen = ChartRange.parse(range).orElseThrow(() -> ProblemException.invalid("range",
                "'" + range + "' is not a range: use 7, 30, 90 or all"));
        return switch (dashboards.find(token, chosen)) {
            case DashboardLookup.Found found -> ResponseEntity.ok(DashboardJson.of(found.dashboard()));
            case DashboardLookup.Retired retired -> problem(HttpStatus.GONE, retired.reason()
                    == RetiredDashboardToken.Reason.REPLACED
                    ? "This dashboard link was replaced by a new one; ask the brand for your current link"
                    : "This dashboard link was revoked by the brand");
            case DashboardLookup.Unknown unknown -> problem(HttpStatus.NOT_FOUND, "There is no dashboard at this address");
        };
    }

    private ModelAndView html(String token, String range, String view, HttpServletResponse response) {
        HtmlPages.privatePage(response);
        if (!limiter.tryAcquire(token)) {
            response.setHeader("Retry-After", "60");
            return message(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "Slow down a little",
                    "This dashboard was opened too many times in a short while. Wait a minute, then reload the page.");
        }
        ChartRange chosen = ChartRange.parse(range).orElse(ChartRange.DEFAULT);
        return switch (dashboards.find(token, chosen)) {
            case DashboardLookup.Found found ->
                new ModelAndView(view, Map.of("page", DashboardPage.of(found.dashboard(), json)));
            case DashboardLookup.Retired retired -> retired.reason() == RetiredDashboardToken.Reason.REPLACED
                    ? message(HttpStatus.GONE, "Link replaced", "This link was replaced",
                            "The brand sent you a new dashboard link, and this one no longer works. "
                                    + "Use the newest link from the brand, or sign in to the Creator Portal to find it.")
                    : message(HttpStatus.GONE, "Link revoked", "This link was revoked",
                            "The brand has switched this dashboard off. Contact the brand if you think this is a mistake.");
            case DashboardLookup.Unknown unknown -> message(HttpStatus.NOT_FOUND, "Not found", "Dashboard not found",
                    "There is no dashboard at this address. Check that you copied the whole link.");
        };
    }

    private static ModelAndView message(HttpStatus status, String title, String heading, String message) {
        ModelAndView page = new ModelAndView("layout/message", Map.of("title", title, "heading", heading,
                "message", message, "linkHref", "/portal", "linkText", "Go to the Creator Portal"));
        page.setStatus(status);
        return page;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
