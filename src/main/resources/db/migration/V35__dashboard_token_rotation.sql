-- A brand can revoke a member's dashboard link (the token becomes null) or rotate it (a new
-- token). Old tokens are kept only as SHA-256 hashes, so the old link can say "this link was
-- replaced" or "revoked" instead of a bare 404, without the old secret staying usable.
alter table offer_members alter column dashboard_token drop not null;

create table dashboard_tokens_retired (
    token_hash     char(64) primary key,
    assignment_id  uuid not null references offer_members (id),
    reason         varchar(10) not null,
    retired_at     timestamp with time zone not null
);

create index dashboard_tokens_retired_assignment on dashboard_tokens_retired (assignment_id);
