package io.linkledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** An entry keeps the fields a change touched, side by side, and nothing else. */
class ChangesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    record Offer(String name, String status, List<String> hosts, Integer windowDays) {
    }

    @Test
    void anUpdateKeepsOnlyTheFieldsThatChanged() {
        Changes changes = Changes.between(json, new Offer("Socks", "ACTIVE", List.of("a.example"), 30),
                new Offer("Socks", "PAUSED", List.of("a.example", "b.example"), null));
        assertThat(changes.before().toString())
                .isEqualTo("{\"status\":\"ACTIVE\",\"hosts\":[\"a.example\"],\"windowDays\":30}");
        assertThat(changes.after().toString())
                .isEqualTo("{\"status\":\"PAUSED\",\"hosts\":[\"a.example\",\"b.example\"],\"windowDays\":null}");
        assertThat(changes.none()).isFalse();
    }

    @Test
    void aCreationKeepsTheWholeEntityAndARemovalWhatWasThere() {
        Changes created = Changes.between(json, null, new Offer("Socks", "ACTIVE", List.of(), 30));
        assertThat(created.before()).isNull();
        assertThat(created.after().propertyNames()).containsExactly("name", "status", "hosts", "windowDays");
        Changes removed = Changes.between(json, new Offer("Socks", "ACTIVE", List.of(), 30), null);
        assertThat(removed.before().get("name").asString()).isEqualTo("Socks");
        assertThat(removed.after()).isNull();
    }

    @Test
    void anUpdateThatChangesNothingIsNoChangeAndANamedEventWithoutFieldsIsOne() {
        Offer same = new Offer("Socks", "ACTIVE", List.of(), 30);
        assertThat(Changes.between(json, same, same).none()).isTrue();
        assertThat(Changes.between(json, null, null).none()).isFalse();
    }

    record Member(UUID id, UUID brandId, String name, Instant updatedAt) {
    }

    @Test
    void theIdBrandAndUpdateTimeAreTheEntrysOwnAndLeftOut() {
        UUID id = UUID.randomUUID();
        Changes changes = Changes.between(json, new Member(id, id, "Ada", Instant.EPOCH),
                new Member(id, id, "Ada King", Instant.EPOCH.plusSeconds(1)));
        assertThat(changes.after().toString()).isEqualTo("{\"name\":\"Ada King\"}");
        assertThat(Changes.between(json, null, new Member(id, id, "Ada", Instant.EPOCH)).after().toString())
                .isEqualTo("{\"name\":\"Ada\"}");
    }

    @Test
    void aValueThatIsNotAnObjectIsKeptUnderValue() {
        Changes changes = Changes.between(json, "old", "new");
        assertThat(changes.before().toString()).isEqualTo("{\"value\":\"old\"}");
        assertThat(changes.after().toString()).isEqualTo("{\"value\":\"new\"}");
    }
}
