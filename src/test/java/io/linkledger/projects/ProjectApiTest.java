package io.linkledger.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class ProjectApiTest extends ApiTest {

    @Test
    void addsListsAndRemovesMembers() {
        String project = created(api.post("/api/v1/projects", Map.of("name", "Spring campaign"))).get("id").asString();
        String alice = createMember("Alice", "alice@example.com").get("id").asString();
        String bob = createMember("Bob", "bob@example.com").get("id").asString();

        JsonNode added = api.post("/api/v1/projects/" + project + "/members", Map.of("memberIds", List.of(alice, bob))).json();
        assertThat(added.get("added").asInt()).isEqualTo(2);
        JsonNode again = api.post("/api/v1/projects/" + project + "/members", Map.of("memberIds", List.of(alice))).json();
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("memberCount").asLong()).isEqualTo(2);

        assertThat(api.delete("/api/v1/projects/" + project + "/members/" + alice).status()).isEqualTo(204);
        JsonNode members = api.get("/api/v1/projects/" + project + "/members").json();
        assertThat(members.get("items")).hasSize(1);
        assertThat(members.get("items").get(0).get("id").asString()).isEqualTo(bob);
        problem(api.delete("/api/v1/projects/" + project + "/members/" + alice), 404);

        JsonNode list = api.get("/api/v1/projects").json();
        assertThat(list.get("items").get(0).get("name").asString()).isEqualTo("Spring campaign");
        assertThat(list.get("items").get(0).get("memberCount").asLong()).isEqualTo(1);
    }

    @Test
    void unknownMemberAddsNobody() {
        String project = created(api.post("/api/v1/projects", Map.of("name", "P"))).get("id").asString();
        String alice = createMember("Alice", "alice@example.com").get("id").asString();
        JsonNode body = problem(api.post("/api/v1/projects/" + project + "/members",
                Map.of("memberIds", List.of(alice, UUID.randomUUID().toString()))), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("memberIds");
        assertThat(count("select count(*) from project_members where project_id = ?", UUID.fromString(project))).isZero();
    }

    @Test
    void projectNeedsAName() {
        problem(api.post("/api/v1/projects", Map.of("name", "")), 400);
        problem(api.get("/api/v1/projects/" + UUID.randomUUID()), 404);
    }
}
