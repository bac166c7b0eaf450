package io.linkledger.conversions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of Shopify's webhooks strictly but without surprises: ids are integers beyond
 * 2^53 (never a double), amounts are decimals that may come as strings or numbers, a field sent
 * as the wrong kind of value (an id as an object) is a field issue, never an exception.
 */
final class ShopifyJson {

    /** Shopify's ids: positive integers that fit a {@code long}. */
    private static final int MAX_ID_BITS = 63;

    private ShopifyJson() {
    }

    /** An amount in the shop's currency ({@code shop_money} of a money set), or the plain field. */
    record ShopMoney(BigDecimal amount, String currency) {
    }

    /** The body as a JSON object; floats are read as exact decimals, so no amount goes through a double. */
    static JsonNode object(JsonMapper json, String body) {
        try {
            JsonNode node = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw ProblemException.badRequest("The webhook body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw ProblemException.badRequest("The webhook body is not valid JSON");
        } catch (NumberFormatException e) {
            // Jackson refuses a decimal beyond its limits (1e22394314274143) with this, not a JacksonException
            throw ProblemException.badRequest("The webhook body has a number too large to be an amount or an id");
        }
    }

    /** A Shopify id (a JSON integer, or a string of digits) as its digits; an issue when it is anything else. */
    static String id(JsonNode node, String field, Validation v) {
        JsonNode value = node.get(field);
        String digits = null;
        if (value != null && value.isIntegralNumber()) {
            BigInteger id = value.bigIntegerValue();
            digits = id.signum() > 0 && id.bitLength() <= MAX_ID_BITS ? id.toString() : null;
        } else if (value != null && value.isString() && value.stringValue().matches("[0-9]{1,19}")) {
            BigInteger id = new BigInteger(value.stringValue());
            digits = id.signum() > 0 && id.bitLength() <= MAX_ID_BITS ? id.toString() : null;
        }
        if (digits == null) {
            v.add(field, value == null || value.isNull() ? "is required" : "is not a Shopify id (a positive integer)");
        }
        return digits;
    }

    /** A scalar field as trimmed text (null when missing, null or blank); an object or array is an issue. */
    static String text(JsonNode node, String field, int max, Validation v) {
        return InboundFields.text(scalar(node, field, field, v), field, max, v);
    }

    /** A boolean field; false when missing; an issue when it is not true or false. */
    static boolean flag(JsonNode node, String field, Validation v) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            v.add(field, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    /**
     * The amount of {@code set.shop_money} when the money set is there, else of {@code plain}
     * (which Shopify gives in the shop's currency); null when neither is. Negative amounts are
     * kept: an order adjustment is negative when more was refunded than the items.
     */
    static ShopMoney shopMoney(JsonNode node, String set, String plain, Validation v) {
        JsonNode shop = node.path(set).path("shop_money");
        if (shop.isObject()) {
            BigDecimal amount = InboundFields.signedAmount(scalar(shop, "amount", set + ".shop_money.amount", v),
                    set + ".shop_money.amount", v);
            String currency = InboundFields.currency(scalar(shop, "currency_code", set + ".shop_money.currency_code", v),
                    set + ".shop_money.currency_code", v);
            return amount == null ? null : new ShopMoney(amount, currency);
        }
        BigDecimal amount = InboundFields.signedAmount(scalar(node, plain, plain, v), plain, v);
        return amount == null ? null : new ShopMoney(amount, null);
    }

    /** The objects of an array field; empty when missing or null; an issue when it is not an array of objects. */
    static List<JsonNode> objects(JsonNode node, String field, Validation v) {
        JsonNode value = node.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            v.add(field, "must be an array");
            return items;
        }
        for (JsonNode item : value) {
            if (!item.isObject()) {
                v.add(field, "must hold objects");
                return List.of();
            }
            items.add(item);
        }
        return items;
    }

    private static String scalar(JsonNode node, String field, String name, Validation v) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            v.add(name, "must be a single value, not an object or array");
            return null;
        }
        return value.asString();
    }
}
