package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.linkledger.shared.Tokens;

class CodeGeneratorTest {

    private final CodeGenerator codes = new CodeGenerator(new Tokens());

    @Test
    void promoCodesUseOnlyUnambiguousCharacters() {
        for (String name : new String[] {"Lilly", "Olivia", "Zoë", "李", "", "Io"}) {
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(codes.promoCode(name, attempt)).as(name).matches("[" + CodeGenerator.UNAMBIGUOUS + "]{4,}");
            }
        }
        assertThat(codes.promoCode("Zoë", 0)).startsWith("ZE");
        assertThat(codes.promoCode("李", 0)).startsWith("PARTNER");
    }

    @Test
    void linkCodesAndTokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(codes.linkCode())).isTrue();
            assertThat(seen.add(codes.dashboardToken())).isTrue();
        }
    }
}
