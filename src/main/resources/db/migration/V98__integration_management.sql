-- Managing integrations from the console and the API (docs/integrations/managing.md).
--
-- enabled: a disabled integration refuses its deliveries (Shopify's are acknowledged and logged
-- IGNORED, so Shopify keeps the subscription); the row and its log stay.
-- previous_key_hash / previous_key_expires_at: the key a rotation replaced, still accepted until
-- the grace period ends, then refused. key_rotated_at: when the key in use was issued by a rotation.
alter table integrations add column enabled boolean not null default true;
alter table integrations add column previous_key_hash varchar(64);
alter table integrations add column previous_key_expires_at timestamp with time zone;
alter table integrations add column key_rotated_at timestamp with time zone;
create index integrations_previous_key on integrations (previous_key_hash);

-- The offers an integration feeds, as the brand declares them: what the offer page lists.
create table integration_offers (
    integration_id  uuid not null references integrations (id),
    offer_id        uuid not null references offers (id),
    primary key (integration_id, offer_id)
);
create index integration_offers_offer on integration_offers (offer_id);

-- Existing integrations feed the offer they credit member-id postbacks to, and every offer they
-- already delivered conversions for.
insert into integration_offers (integration_id, offer_id)
select id, offer_id from integrations where offer_id is not null;
insert into integration_offers (integration_id, offer_id)
select distinct c.integration_id, c.offer_id from conversions c
where c.integration_id is not null
  and not exists (select 1 from integration_offers f where f.integration_id = c.integration_id and f.offer_id = c.offer_id);
