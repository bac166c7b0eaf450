package io.linkledger.conversions;

/** How conversions reach an integration's inbound URL. */
public enum IntegrationType {
    POSTBACK, SHAREASALE, SHOPIFY, PIXEL
}
