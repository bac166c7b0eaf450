-- Postback signatures (issue B2) and the raw log's limits (issue B3).
--
-- integrations.signature says how a postback proves it came from who holds the secret:
--   NONE             the unguessable key in the URL (plus HTTP Basic and the IP allow-list if set)
--   HMAC_SHA256      generic postbacks: HMAC-SHA256 over every parameter, canonically encoded, with a
--                    timestamp (docs/integrations/postbacks.md); the default for new generic integrations
--   LEGACY_HASH      generic postbacks: the old digest of secret + transaction_id + order_id + amount,
--                    kept only for integrations that already used it
--   SHAREASALE_HASH  ShareASale: the digest of secret + transID + orderNumber + amountOfSale + commission
-- hash_algorithm (MD5 or SHA256) still names the digest of the two hash recipes.
alter table integrations add column signature varchar(20) not null default 'NONE';
update integrations set signature = 'LEGACY_HASH' where type = 'POSTBACK' and hash_algorithm is not null;
update integrations set signature = 'SHAREASALE_HASH' where type = 'SHAREASALE' and hash_algorithm is not null;

-- A request that failed its signature or source checks keeps its headers and only the start of its
-- body; such a row cannot be replayed.
alter table inbound_requests add column body_truncated boolean not null default false;

-- The retention job deletes rows older than linkledger.inbound.retention-days, oldest first.
create index inbound_requests_received on inbound_requests (received_at);
