package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.ProblemException;

class FormErrorsTest {

    @Test
    void fieldIssuesGoNextToTheirFieldsAndTheDetailIsNotRepeatedAboveThem() {
        FormErrors errors = FormErrors.of(ProblemException.invalid(List.of(new FieldIssue("name", "is required"),
                new FieldIssue("email", "is not an email address"), new FieldIssue("name", "is too long"))));

        assertThat(errors.error("name")).isEqualTo("is required; is too long");
        assertThat(errors.error("email")).isEqualTo("is not an email address");
        assertThat(errors.has("role")).isFalse();
        assertThat(errors.error("role")).isNull();
        assertThat(errors.message()).isNull();
        assertThat(errors.any()).isTrue();
    }

    @Test
    void aProblemAboutNoFieldIsTheFormsMessage() {
        FormErrors errors = FormErrors.of(ProblemException.conflict("The balance is short by 30.00 USD"));

        assertThat(errors.fields()).isEmpty();
        assertThat(errors.message()).isEqualTo("The balance is short by 30.00 USD");
        assertThat(errors.general("amount")).containsExactly("The balance is short by 30.00 USD");
        assertThat(errors.summary()).isEqualTo("The balance is short by 30.00 USD");
    }

    @Test
    void issuesAboutFieldsTheFormHasNoInputForAreShownAboveIt() {
        FormErrors errors = FormErrors.of(ProblemException.invalid(List.of(new FieldIssue("subject", "is required"),
                new FieldIssue("memberIds", "not in this offer yet"))));

        assertThat(errors.general("subject", "html", "text")).containsExactly("not in this offer yet");
        assertThat(errors.summary()).isEqualTo("subject is required; memberIds not in this offer yet");
    }

    @Test
    void aFormThatNamesItsFieldsDifferentlyRenamesTheProblemsFields() {
        FormErrors errors = FormErrors.of(ProblemException.invalid("payouts[0].percent", "must be at most 100"),
                field -> field.replace("payouts[0]", "tiers[2]"));

        assertThat(errors.error("tiers[2].percent")).isEqualTo("must be at most 100");
        assertThat(errors.has("payouts[0].percent")).isFalse();
    }

    @Test
    void nothingRefusedShowsNothing() {
        assertThat(FormErrors.NONE.any()).isFalse();
        assertThat(FormErrors.NONE.general()).isEmpty();
        assertThat(FormErrors.of(new ProblemException(HttpStatus.BAD_REQUEST, "x", List.of())).any()).isTrue();
    }
}
