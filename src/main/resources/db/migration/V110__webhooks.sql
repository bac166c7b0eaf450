-- Outbound webhooks (docs/webhooks.md): the endpoints a brand registers and the outbox of their deliveries.
--
-- secret_sealed: the signing secret, sealed with the server key (SecretBox), because every delivery is
-- signed with it. events: the event types the endpoint receives, space-separated (e.g.
-- "conversion.created payment.completed"). failing_since: the first failed attempt since the last
-- success; an endpoint failing for linkledger.webhooks.give-up-after is disabled, with disabled_reason.
create table webhook_endpoints (
    id               uuid primary key,
    brand_id         uuid not null references brands (id),
    url              varchar(2000) not null,
    description      varchar(200),
    events           varchar(500) not null,
    enabled          boolean not null,
    secret_sealed    varchar(200) not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    secret_rotated_at timestamp with time zone,
    failing_since    timestamp with time zone,
    disabled_at      timestamp with time zone,
    disabled_reason  varchar(500)
);
create index webhook_endpoints_brand on webhook_endpoints (brand_id);

-- One row per event and endpoint, written in the transaction of the change that caused the event
-- (transactional outbox); a replay is a new row with the same event_id and payload.
-- status: QUEUED (waiting for next_attempt_at), SENDING (claimed by a worker at claimed_at),
-- DELIVERED (a 2xx answered) or FAILED (given up). last_*: what the latest attempt saw.
create table webhook_deliveries (
    id               uuid primary key,
    endpoint_id      uuid not null references webhook_endpoints (id),
    brand_id         uuid not null references brands (id),
    event_id         uuid not null,
    event_type       varchar(40) not null,
    payload          text not null,
    status           varchar(16) not null,
    attempts         integer not null,
    created_at       timestamp with time zone not null,
    next_attempt_at  timestamp with time zone,
    claimed_at       timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_status_code integer,
    last_latency_ms  bigint,
    last_error       varchar(2000),
    delivered_at     timestamp with time zone,
    replay_of        uuid
);
create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at);
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at);
