package io.linkledger.conversions;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators for property-based fuzzing of the inbound endpoints: values biased towards what
 * breaks parsers (exponents, other scripts' digits, control characters, impossible dates,
 * non-currencies, very long text), parameter lists, form bodies and mutated JSON. Every value comes
 * from one seeded {@link SplittableRandom}, so a failure is reproduced by its seed
 * ({@code -Dfuzz.seed=...}); {@code -Dfuzz.scale=10} runs ten times the tries.
 */
final class Fuzz {

    /** Names the inbound endpoints read, so random values reach the code that parses them. */
    static final List<String> NAMES = List.of("transaction_id", "order_id", "external_id", "amount", "commission",
            "status", "currency", "member_id", "offer_id", "date", "type", "hash", "signature", "timestamp",
            "afftrack", "transID", "orderNumber", "amountOfSale", "transDate", "transtype", "merchantID");

    private static final String[] DIGITS = {"0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "０１２３４５６７８９"};
    private static final String[] SPECIAL = {"", " ", "\u0000", "\r\n", "\t", "\u007f", "\u0085", "\u2028", "\uFEFF",
        "NaN", "Infinity", "-Infinity", "0x1F", "1e-2147483647", "1e-99999999", "1E+2147483647", "1e2", "-0", "+1",
        ".5", "5.", "1,000.00", "12,50", "' or 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%00",
        "%zz", "null", "true", "[]", "{}", "\"", "\\", "XXX", "XTS", "XAU", "usd", "ＵＳＤ", "2026-02-30 10:00:00",
        "0000-01-01T00:00:00Z", "9999-12-31 23:59:59", "+999999999-12-31T23:59:59+18:00", "1e400", "99999999999",
        "😀", "\uD83D", "مرحبا", "\u202Eevil", "a\u0301"};

    final long seed;
    final SplittableRandom random;

    Fuzz(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed of a run: {@code fuzz.seed} when set (to reproduce one), else a new one per property. */
    static long seed(String property) {
        String fixed = System.getProperty("fuzz.seed");
        return fixed != null ? Long.parseLong(fixed) + property.hashCode() : new SplittableRandom().nextLong();
    }

    /** Tries of a property: {@code base} times {@code fuzz.scale} (1 by default). */
    static int tries(int base) {
        return base * Integer.getInteger("fuzz.scale", 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T oneOf(Supplier<T>... generators) {
        return generators[random.nextInt(generators.length)].get();
    }

    /** A value of some kind a caller might send. */
    String value() {
        return oneOf(this::special, this::number, this::date, this::text, this::uuid, this::currency, this::longText,
                () -> special() + number() + special());
    }

    String special() {
        return SPECIAL[random.nextInt(SPECIAL.length)];
    }

    String number() {
        String digits = DIGITS[chance(80) ? 0 : random.nextInt(DIGITS.length)];
        StringBuilder out = new StringBuilder();
        if (chance(10)) {
            out.append(chance(50) ? '-' : '+');
        }
        int length = chance(5) ? random.nextInt(20, 5000) : random.nextInt(1, 20);
        for (int i = 0; i < length; i++) {
            out.append(digits.charAt(random.nextInt(10)));
        }
        if (chance(60)) {
            out.append('.');
            for (int i = random.nextInt(0, 6); i > 0; i--) {
                out.append(digits.charAt(random.nextInt(10)));
            }
        }
        if (chance(10)) {
            out.append(chance(50) ? 'e' : 'E').append(chance(50) ? "-" : "").append(random.nextInt());
        }
        return out.toString();
    }

    String date() {
        String y = String.format("%04d", random.nextInt(0, 10000));
        String m = String.format("%02d", random.nextInt(0, 14));
        String d = String.format("%02d", random.nextInt(0, 33));
        String time = String.format("%02d:%02d:%02d", random.nextInt(0, 26), random.nextInt(0, 61), random.nextInt(0, 61));
        return switch (random.nextInt(6)) {
            case 0 -> y + "-" + m + "-" + d + " " + time;
            case 1 -> y + "-" + m + "-" + d + "T" + time + (chance(50) ? "Z" : "+" + String.format("%02d", random.nextInt(0, 25)) + ":00");
            case 2 -> Long.toString(random.nextLong(0, 99_999_999_999L));
            case 3 -> m + "/" + d + "/" + y + " " + time + (chance(50) ? " AM" : " PM");
            case 4 -> Instant.now().minusSeconds(random.nextLong(-86_400 * 3, 86_400L * 800)).toString();
            default -> y + m + d;
        };
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(0, 30); i > 0; i--) {
            out.appendCodePoint(chance(70) ? random.nextInt(0x20, 0x7f) : chance(50) ? random.nextInt(0, 0x20)
                    : random.nextInt(0xa0, 0x2fff));
        }
        return out.toString();
    }

    String uuid() {
        String id = UUID.randomUUID().toString();
        return chance(70) ? id : id.replace('1', '١').replace('a', 'ａ');
    }

    String currency() {
        return chance(30) ? special() : "" + (char) random.nextInt('A', 'Z' + 1) + (char) random.nextInt('A', 'Z' + 1)
                + (char) random.nextInt('A', 'Z' + 1);
    }

    String longText() {
        return String.valueOf((char) random.nextInt(0x20, 0x7f)).repeat(random.nextInt(100, 20_000));
    }

    /** Parameters: mostly names the endpoints read, some repeated, some not theirs at all. */
    List<Map.Entry<String, String>> params() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (int i = random.nextInt(0, 12); i > 0; i--) {
            String name = chance(85) ? pick(NAMES) : chance(50) ? text() : "";
            params.add(Map.entry(name, value()));
        }
        return params;
    }

    /** Parameters percent-encoded as a query string or form body; {@code raw} sometimes adds malformed escapes. */
    String encode(List<Map.Entry<String, String>> params, boolean raw) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> p : params) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            if (raw && chance(10)) {
                out.append(pick(List.of("%", "%z", "%E2%82", "&&", "=", "%%", "+")));
            }
        }
        return out.toString();
    }

    /** A JSON document with one to five of its values replaced by something else, or removed. */
    JsonNode mutate(JsonNode document) {
        JsonNode copy = document.deepCopy();
        for (int i = random.nextInt(1, 6); i > 0; i--) {
            List<JsonNode> containers = new ArrayList<>();
            collect(copy, containers);
            JsonNode container = pick(containers);
            if (container instanceof ObjectNode object && !object.isEmpty()) {
                String field = pick(new ArrayList<>(object.propertyNames()));
                if (chance(15)) {
                    object.remove(field);
                } else {
                    object.set(field, json());
                }
            } else if (container instanceof ArrayNode array && !array.isEmpty()) {
                array.set(random.nextInt(array.size()), json());
            }
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /** A JSON value of any kind: text, integers beyond a long, decimals, booleans, null, containers, deep nesting. */
    JsonNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.stringNode(value());
            case 1 -> f.numberNode(random.nextLong());
            case 2 -> f.numberNode(new BigInteger(random.nextInt(1, 200), new java.util.Random(random.nextLong())));
            case 3 -> f.numberNode(new java.math.BigDecimal(random.nextDouble() * 1000).setScale(random.nextInt(0, 8),
                    java.math.RoundingMode.HALF_EVEN));
            case 4 -> f.booleanNode(chance(50));
            case 5 -> f.nullNode();
            case 6 -> f.objectNode().put("id", random.nextLong()).put("code", value());
            case 7 -> {
                ArrayNode deep = f.arrayNode();
                ArrayNode at = deep;
                for (int i = random.nextInt(1, 60); i > 0; i--) {
                    at = at.addArray();
                }
                yield deep;
            }
            default -> f.arrayNode().add(value()).add(random.nextLong());
        };
    }

    /** A JSON document written out, sometimes with a raw number no serializer would write, or cut short. */
    String write(JsonMapper json, JsonNode document) {
        String text = json.writeValueAsString(document);
        if (chance(10)) {
            text = text.replaceFirst(":\"[^\"]*\"", ":" + pick(List.of("1e-2147483647", "1E+99999999", "-0.0e0",
                    "123456789012345678901234567890", "0.1e-400")));
        }
        if (chance(5)) {
            text = text.substring(0, random.nextInt(text.length() + 1));
        }
        return text;
    }

    /** A network report: a header (ShareASale's or another), rows of random cells, any of four delimiters. */
    String report(List<String> header) {
        String delimiter = pick(List.of(",", "|", "\t", ";"));
        StringBuilder out = new StringBuilder(String.join(delimiter, header)).append(chance(50) ? "\n" : "\r\n");
        for (int r = random.nextInt(0, 12); r > 0; r--) {
            List<String> cells = new ArrayList<>();
            for (int c = random.nextInt(0, header.size() + 3); c > 0; c--) {
                String cell = chance(50) ? value() : chance(50) ? number() : date();
                cells.add(chance(20) ? "\"" + cell.replace("\"", chance(80) ? "\"\"" : "\"") + "\"" : cell);
            }
            out.append(String.join(delimiter, cells)).append(chance(90) ? "\n" : "");
        }
        return out.toString();
    }
}
