package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.linkledger.shared.Tokens;

class CodeGeneratorTest {

    private final CodeGenerator codes = new CodeGenerator(new Tokens(), "10");

    @Test
    void promoCodesAreTheFirstNameWithTheNumber() {
        assertThat(codes.promoCode("Liam", 0)).isEqualTo("LIAM10");
        assertThat(codes.promoCode("Mia", 0)).isEqualTo("MIA10");
        assertThat(codes.promoCode("Carlos", 0)).isEqualTo("CARLOS10");
        assertThat(codes.promoCode("Olivia", 0)).isEqualTo("OLIVIA10");
        assertThat(codes.promoCode("Zoë", 0)).isEqualTo("ZOE10");
        assertThat(codes.promoCode("Anne-Marie", 0)).isEqualTo("ANNEMARIE10");
        assertThat(codes.promoCode("Maximilianus-Alexander", 0)).isEqualTo("MAXIMILIANUS10");
        assertThat(codes.promoCode("李", 0)).isEqualTo("PARTNER10");
        assertThat(codes.promoCode("", 0)).isEqualTo("PARTNER10");
    }

    @Test
    void aTakenCodeGetsASuffixOfUnambiguousLettersThatGrowsEachRound() {
        for (int round = 1; round < 9; round++) {
            String code = codes.promoCode("Lilly", round);
            assertThat(code).startsWith("LILLY10");
            assertThat(code.substring("LILLY10".length()))
                    .matches("[" + CodeGenerator.SUFFIX_LETTERS + "]{" + Math.min(round, 6) + "}");
        }
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
