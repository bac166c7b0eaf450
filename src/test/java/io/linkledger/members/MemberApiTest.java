package io.linkledger.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class MemberApiTest extends ApiTest {

    private long memberCount() {
        return count("select count(*) from members where brand_id = ?", brand.id());
    }

    @Test
    void createsReadsAndUpdatesAMember() {
        JsonNode member = created(api.post("/api/v1/members", Map.of("name", "Jane Doe", "email", "jane@example.com",
                "handle", "@janedoes", "paypalEmail", "pay@jane.example")));
        String id = member.get("id").asString();
        assertThat(member.get("handle").asString()).isEqualTo("@janedoes");

        JsonNode updated = api.patch("/api/v1/members/" + id, Map.of("name", "Jane Q. Doe")).json();
        assertThat(updated.get("name").asString()).isEqualTo("Jane Q. Doe");
        assertThat(updated.get("email").asString()).isEqualTo("jane@example.com");
        assertThat(api.get("/api/v1/members/" + id).json().get("paypalEmail").asString()).isEqualTo("pay@jane.example");
    }

    @Test
    void emailIsUniquePerBrandIgnoringCase() {
        createMember("Jane", "jane@example.com");
        JsonNode body = problem(api.post("/api/v1/members", Map.of("name", "Other", "email", "JANE@Example.com")), 409);
        assertThat(body.get("detail").asString()).contains("already exists");
        assertThat(memberCount()).isEqualTo(1);

        String otherKey = brands.createKey(brands.create("Other brand").id(), "k").plainText();
        assertThat(api.withKey(otherKey).post("/api/v1/members", Map.of("name", "Jane", "email", "jane@example.com"))
                .status()).isEqualTo(201);
    }

    @Test
    void invalidMemberIsRejectedWithEveryField() {
        JsonNode body = problem(api.post("/api/v1/members", Map.of("name", " ", "email", "not-an-email",
                "paypalEmail", "nope")), 400);
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("name", "email", "paypalEmail");
        assertThat(memberCount()).isZero();
    }

    @Test
    void listsAndSearchesMembers() {
        createMember("Alice Archer", "alice@example.com");
        createMember("Bob Baker", "bob@example.com");
        createMember("Carla Cook", "carla@example.com");

        JsonNode all = api.get("/api/v1/members?limit=2").json();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items")).hasSize(2);
        JsonNode found = api.get("/api/v1/members?q=BAK").json();
        assertThat(found.get("items").get(0).get("name").asString()).isEqualTo("Bob Baker");
        assertThat(found.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void importsMembersFromCsvAndReimportChangesNothing() {
        String csv = """
                name,email,handle,paypal_email
                "Doe, Jane",jane@example.com,@jane,jane.pay@example.com
                Ravi Kumar,ravi@example.com,,
                "Zoë ""Z"" Müller",zoe@example.com,@zoe,
                """;
        Api.Response first = api.postText("/api/v1/members/import", "text/csv", csv);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        JsonNode zoe = api.get("/api/v1/members?q=zoe").json().get("items").get(0);
        assertThat(zoe.get("name").asString()).isEqualTo("Zoë \"Z\" Müller");

        JsonNode again = api.postText("/api/v1/members/import", "text/csv", csv).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(memberCount()).isEqualTo(3);
    }

    @Test
    void csvWithABadRowImportsNothing() {
        String csv = """
                name,email
                Good One,good@example.com
                ,missing-name@example.com
                Bad Email,not-an-email
                Good One Again,GOOD@example.com
                """;
        JsonNode body = problem(api.postText("/api/v1/members/import", "text/csv", csv), 400);
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("line 3", "line 4", "line 5");
        assertThat(memberCount()).isZero();

        problem(api.postText("/api/v1/members/import", "text/csv", "full_name,mail\nA,a@b.co\n"), 400);
    }

    @Test
    void notesAndTagsAreSetChangedAndClearedWithPatchAndSearchFindsATag() {
        JsonNode member = created(api.post("/api/v1/members", Map.of("name", "Jane Doe", "email", "jane@example.com",
                "notes", "Met at the fair", "tags", java.util.List.of("VIP", "summer", "vip"))));
        String id = member.get("id").asString();
        assertThat(member.get("tags").toString()).isEqualTo("[\"summer\",\"VIP\"]");
        createMember("Omar Haddad", "omar@example.com");

        assertThat(api.get("/api/v1/members?q=vip").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/members?q=vip").json().get("items").get(0).get("name").asString())
                .isEqualTo("Jane Doe");

        JsonNode changed = api.patch("/api/v1/members/" + id, Map.of("tags", java.util.List.of("autumn"))).json();
        assertThat(changed.get("tags").toString()).isEqualTo("[\"autumn\"]");
        assertThat(changed.get("notes").asString()).as("left out, so kept").isEqualTo("Met at the fair");
        assertThat(api.get("/api/v1/members?q=vip").json().get("total").asInt()).isZero();

        JsonNode cleared = api.patch("/api/v1/members/" + id, Map.of("tags", java.util.List.of(), "notes", "")).json();
        assertThat(cleared.get("tags")).isEmpty();
        assertThat(cleared.get("notes").isNull()).isTrue();
    }

    @Test
    void aPatchWithABadFieldChangesNothing() {
        String id = created(api.post("/api/v1/members", Map.of("name", "Jane Doe", "email", "jane@example.com",
                "tags", java.util.List.of("vip")))).get("id").asString();
        createMember("Omar Haddad", "omar@example.com");

        JsonNode invalid = problem(api.patch("/api/v1/members/" + id, Map.of("name", "Jane Q. Doe",
                "paypalEmail", "nope", "tags", java.util.List.of("a,b"))), 400);
        assertThat(invalid.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("paypalEmail", "tags");

        JsonNode taken = problem(api.patch("/api/v1/members/" + id, Map.of("name", "Jane Q. Doe",
                "email", "OMAR@example.com")), 409);
        assertThat(taken.get("detail").asString()).contains("already exists: Omar Haddad");
        assertThat(taken.get("errors").get(0).get("field").asString()).isEqualTo("email");

        JsonNode jane = api.get("/api/v1/members/" + id).json();
        assertThat(jane.get("name").asString()).isEqualTo("Jane Doe");
        assertThat(jane.get("email").asString()).isEqualTo("jane@example.com");
        assertThat(jane.get("tags").toString()).isEqualTo("[\"vip\"]");

        String otherKey = brands.createKey(brands.create("Other brand").id(), "k").plainText();
        problem(api.withKey(otherKey).patch("/api/v1/members/" + id, Map.of("name", "Mine now")), 404);
        assertThat(api.get("/api/v1/members/" + id).json().get("name").asString()).isEqualTo("Jane Doe");
    }

    @Test
    void aDryRunImportSaysWhatEachRowWouldDoAndWritesNothing() {
        createMember("Ana Lima", "ana@example.com");
        createMember("Bo Chen", "bo@example.com");
        String csv = """
                name,email,handle,tags
                Ana Lima,ana@example.com,@ana,
                Bo Chen,bo@example.com,,
                Cy New,cy@example.com,,vip;summer
                Dee,dee@,,
                Cy Again,CY@example.com,,
                """;

        Api.Response preview = api.postText("/api/v1/members/import?dryRun=true", "text/csv", csv);

        assertThat(preview.status()).isEqualTo(200);
        JsonNode body = preview.json();
        assertThat(body.get("total").asInt()).isEqualTo(5);
        assertThat(body.get("created").asInt()).isEqualTo(1);
        assertThat(body.get("updated").asInt()).isEqualTo(1);
        assertThat(body.get("unchanged").asInt()).isEqualTo(1);
        assertThat(body.get("invalid").asInt()).isEqualTo(2);
        JsonNode ana = body.get("rows").get(0);
        assertThat(ana.get("change").asString()).isEqualTo("UPDATED");
        assertThat(ana.get("details").get(0).asString()).isEqualTo("handle: (empty) → @ana");
        assertThat(body.get("rows").get(3).get("details").get(0).asString()).contains("not an email address");
        assertThat(body.get("rows").get(4).get("details").get(0).asString()).contains("appears more than once");
        assertThat(memberCount()).isEqualTo(2);
        assertThat(api.get("/api/v1/members?q=ana").json().get("items").get(0).get("handle").isNull()).isTrue();

        problem(api.postText("/api/v1/members/import?dryRun=true", "text/csv", "nickname\nJane\n"), 400);
    }

    @Test
    void importSetsTagsAndNotesAndAnEmptyCellKeepsThem() {
        String csv = "name,email,tags,notes\nJane Doe,jane@example.com,vip; summer,Likes email\n";
        assertThat(api.postText("/api/v1/members/import", "text/csv", csv).status()).isEqualTo(200);
        JsonNode jane = api.get("/api/v1/members?q=jane").json().get("items").get(0);
        assertThat(jane.get("tags").toString()).isEqualTo("[\"summer\",\"vip\"]");
        assertThat(jane.get("notes").asString()).isEqualTo("Likes email");

        JsonNode again = api.postText("/api/v1/members/import", "text/csv",
                "name,email,tags,notes\nJane Doe,jane@example.com,,\n").json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/members?q=jane").json().get("items").get(0).get("tags")).hasSize(2);
    }
}
