package io.linkledger.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MacrosTest {

    @Test
    void acceptsKnownMacrosInAbsoluteHttpUrls() {
        assertThat(Macros.problems("https://shareasale.com/r.cfm?b=1&u=3353969&m=2&afftrack={transaction_id}")).isEmpty();
        assertThat(Macros.problems("http://shop.example/{offer_id}/{member_id}?p={project_id}&n={member_name}&t={click_time}"))
                .isEmpty();
    }

    @Test
    void rejectsUnknownMacrosByName() {
        assertThat(Macros.problems("https://shop.example/?a={subid}&b={transaction_id}"))
                .singleElement().asString().contains("{subid}");
    }

    @Test
    void rejectsUrlsThatAreNotAbsoluteHttp() {
        assertThat(Macros.problems("shop.example/path")).isNotEmpty();
        assertThat(Macros.problems("javascript:alert(1)")).isNotEmpty();
        assertThat(Macros.problems("https://exa mple.com")).isNotEmpty();
    }

    @Test
    void expandsWithUrlEncodedValues() {
        Macros.Template template = Macros.compile("https://s.example/?t={transaction_id}&n={member_name}&x={project_id}");
        Map<String, String> values = Map.of("transaction_id", "abc123", "member_name", "Zoë & Co");
        assertThat(template.expand(values::get)).isEqualTo("https://s.example/?t=abc123&n=Zo%C3%AB+%26+Co&x=");
    }

    @Test
    void templatesWithoutMacrosOrWithMacrosAtTheEdgesExpandWhole() {
        assertThat(Macros.compile("https://s.example/plain").expand(name -> "unused")).isEqualTo("https://s.example/plain");
        assertThat(Macros.compile("{transaction_id}").expand(name -> "t1")).isEqualTo("t1");
        assertThat(Macros.compile("https://s.example/{offer_id}{member_id}").expand(name -> name.substring(0, 1)))
                .isEqualTo("https://s.example/om");
    }
}
