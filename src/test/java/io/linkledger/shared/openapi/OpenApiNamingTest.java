package io.linkledger.shared.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The naming rules of the OpenAPI document, on types shaped like the application's. */
class OpenApiNamingTest {

    static final class Payment {
        record View() {
        }
    }

    static final class Balance {
        record View() {
        }
    }

    static final class OfferController {
        record OfferResponse() {
        }
    }

    static final class MemberImport {
        record ImportPreview() {
        }
    }

    static final class PaymentMethods {
        record LinkRequest() {
        }
    }

    static final class ConversionApiController {
    }

    /** Named as Payment.View is: the clash the fallback is for. */
    record PaymentView() {
    }

    @Test
    void nestedTypesAreNamedAfterWhatTheyAreNestedIn() {
        assertThat(ReadableSchemaNames.readable(Payment.View.class)).isEqualTo("OpenApiNamingTestPaymentView");
        assertThat(ReadableSchemaNames.readable(Payment.View.class))
                .isNotEqualTo(ReadableSchemaNames.readable(Balance.View.class));
        assertThat(ReadableSchemaNames.readable(OfferController.OfferResponse.class)).endsWith("TestOfferResponse");
        assertThat(ReadableSchemaNames.readable(MemberImport.ImportPreview.class)).endsWith("MemberImportPreview");
        assertThat(ReadableSchemaNames.readable(PaymentMethods.LinkRequest.class)).endsWith("PaymentMethodLinkRequest");
    }

    @Test
    void aSecondTypeWithTheSameNameKeepsItsQualifiedName() {
        ReadableSchemaNames names = new ReadableSchemaNames();
        assertThat(names.getNameOfClass(Payment.View.class)).isEqualTo("OpenApiNamingTestPaymentView");
        assertThat(names.getNameOfClass(Payment.View.class)).isEqualTo("OpenApiNamingTestPaymentView");
        assertThat(names.getNameOfClass(PaymentView.class))
                .isEqualTo("shared.openapi.OpenApiNamingTest.PaymentView");
    }

    @Test
    void operationsAreNamedFromTheirController() {
        assertThat(OperationNames.subject(OfferController.class)).isEqualTo("Offer");
        assertThat(OperationNames.subject(ConversionApiController.class)).isEqualTo("Conversion");
        assertThat(OperationNames.feature(ConversionApiController.class)).isEqualTo("shared");
        assertThat(OperationNames.summary("list", "Offer")).isEqualTo("List offers");
        assertThat(OperationNames.summary("list", "ApiKey")).isEqualTo("List api keys");
        assertThat(OperationNames.summary("list", "Property")).isEqualTo("List properties");
        assertThat(OperationNames.summary("archive", "Offer")).isEqualTo("Archive offer");
        assertThat(OperationNames.summary("importCsv", "Member")).isEqualTo("Import csv");
    }
}
