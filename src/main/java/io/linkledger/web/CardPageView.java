package io.linkledger.web;

import io.linkledger.ledger.PaymentMethods;

/** The Link a card page: the SetupIntent Stripe.js confirms (null when no card can be linked now) and why not. */
public record CardPageView(PaymentMethods.CardSetup setup, String error) {
}
