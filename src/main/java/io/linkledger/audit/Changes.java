package io.linkledger.audit;

import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields that differ between an entity before and after a change, each side as a JSON
 * object. A side that is absent (a creation, a removal) stays null and the other is kept whole.
 * The entity's id, its brand and its last update time are left out: the entry itself says them.
 */
record Changes(ObjectNode before, ObjectNode after) {

    private static final Set<String> SAID_BY_THE_ENTRY = Set.of("id", "brandId", "updatedAt");

    static Changes between(JsonMapper json, Object was, Object is) {
        ObjectNode before = was == null ? null : object(json, was);
        ObjectNode after = is == null ? null : object(json, is);
        if (before == null || after == null) {
            return new Changes(before, after);
        }
        Set<String> names = new LinkedHashSet<>(after.propertyNames());
        names.addAll(before.propertyNames());
        ObjectNode changedBefore = json.createObjectNode();
        ObjectNode changedAfter = json.createObjectNode();
        for (String name : names) {
            JsonNode old = before.get(name) == null ? NullNode.getInstance() : before.get(name);
            JsonNode now = after.get(name) == null ? NullNode.getInstance() : after.get(name);
            if (!old.equals(now)) {
                changedBefore.set(name, old);
                changedAfter.set(name, now);
            }
        }
        return new Changes(changedBefore, changedAfter);
    }

    /** Whether an update left every field as it was: nothing to record. */
    boolean none() {
        return before != null && after != null && before.isEmpty() && after.isEmpty();
    }

    private static ObjectNode object(JsonMapper json, Object value) {
        JsonNode node = json.valueToTree(value);
        if (node instanceof ObjectNode object) {
            object.remove(SAID_BY_THE_ENTRY);
            return object;
        }
        ObjectNode wrapped = json.createObjectNode();
        wrapped.set("value", node);
        return wrapped;
    }
}
