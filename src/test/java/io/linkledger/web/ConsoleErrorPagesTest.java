package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.linkledger.brands.Role;

/** A console page that fails is a page in the console layout for a browser; API clients keep problem+json. */
class ConsoleErrorPagesTest extends PaymentsConsoleTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private ConsoleUser console;

    @BeforeEach
    void signIn() throws Exception {
        console = signedIn(Role.ADMIN);
    }

    @Test
    void anOfferThatIsNotTheBrandsIsANotFoundPageInTheConsoleLayout() throws Exception {
        UUID missing = UUID.randomUUID();
        HttpResponse<String> page = console.get("/offers/" + missing, BROWSER);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Page not found</h1>")
                .contains("id=\"error-detail\">Offer " + missing + " does not exist")
                .contains("class=\"console-nav\"").contains("Sign out").doesNotContain("\"status\"");
    }

    @Test
    void anAddressThatDoesNotExistAndAnIdThatIsNotOneArePagesToo() throws Exception {
        HttpResponse<String> nowhere = console.get("/no-such-page", BROWSER);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("<h1>Page not found</h1>").contains("There is nothing at this address.");

        HttpResponse<String> notAnId = console.get("/members/not-an-id", BROWSER);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(notAnId.body()).contains("<h1>This request is not right</h1>")
                .contains("'not-an-id' is not a valid id.");
    }

    @Test
    void aClientAskingForJsonAndTheApiKeepProblemJson() throws Exception {
        UUID missing = UUID.randomUUID();
        HttpResponse<String> json = console.get("/offers/" + missing, "application/json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.body()).contains("\"status\":404").contains("does not exist");

        HttpResponse<String> api = console.get("/api/v1/offers/" + missing, BROWSER);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).doesNotContain("<html");
    }
}
