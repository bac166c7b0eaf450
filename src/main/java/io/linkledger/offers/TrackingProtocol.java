package io.linkledger.offers;

public enum TrackingProtocol {
    SERVER_POSTBACK_TRANSACTION_ID, SERVER_POSTBACK_PARTNER_ID, PIXEL, SHOP_WEBHOOK
}
