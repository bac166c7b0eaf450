-- Dashboard tokens at rest: the SHA-256 finds the assignment a link opens; the token itself is
-- kept only sealed (AES-256-GCM under the server key) so the brand can still copy the link.
-- V75 (a Java migration) converts the clear tokens and drops the clear column.
alter table offer_members add column dashboard_token_hash char(64);
alter table offer_members add column dashboard_token_sealed varchar(200);
create unique index offer_members_dashboard_token_hash on offer_members (dashboard_token_hash);

-- The outbox message that carried a Creator Portal sign-in link, so the link can be removed
-- from the stored copy once it is delivered, used or expired.
alter table portal_sign_in_links add column email_id uuid;
alter table portal_sign_in_links add column email_redacted_at timestamp with time zone;
create index portal_sign_in_links_expiry on portal_sign_in_links (expires_at);
