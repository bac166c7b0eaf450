-- Where conversions come from: one row per configured inbound channel of a brand.
-- key_hash is the SHA-256 of the unguessable key in the inbound URL; the key itself is
-- shown once at creation. secret is kept as given because HMACs and hashes need it; it is
-- never returned by the API nor logged.
create table integrations (
    id                    uuid primary key,
    brand_id              uuid not null references brands (id),
    type                  varchar(20) not null,
    name                  varchar(200) not null,
    key_hash              varchar(64) not null,
    secret                varchar(500),
    hash_algorithm        varchar(10),
    basic_user            varchar(200),
    basic_password_hash   varchar(64),
    -- Our field name -> the caller's parameter name, as "field=param" lines.
    parameter_map         varchar(4000) not null default '',
    time_zone             varchar(64) not null default 'UTC',
    ip_allow_list         varchar(4000) not null default '',
    offer_id              uuid references offers (id),
    order_topic           varchar(40) not null default 'orders/create',
    credit_priority       varchar(10) not null default 'LINK',
    created_at            timestamp with time zone not null,
    constraint integrations_key_hash_unique unique (key_hash)
);

create index integrations_brand on integrations (brand_id, created_at);

-- Every inbound request, stored before it is processed, with what became of it.
create table inbound_requests (
    id              uuid primary key,
    integration_id  uuid not null references integrations (id),
    brand_id        uuid not null,
    received_at     timestamp with time zone not null,
    method          varchar(10) not null,
    query           varchar(8000),
    headers         varchar(4000),
    body            text,
    remote_ip       varchar(64),
    -- A shop's delivery id (X-Shopify-Webhook-Id): a redelivery is answered, not re-applied.
    webhook_id      varchar(100),
    outcome         varchar(20) not null,
    status_code     integer,
    reason          varchar(2000),
    conversion_id   uuid,
    attempts        integer not null default 0,
    processed_at    timestamp with time zone
);

create index inbound_requests_integration on inbound_requests (integration_id, received_at);
create index inbound_requests_webhook on inbound_requests (integration_id, webhook_id);

-- A conversion credited to one member in one offer. Amounts in minor units of currency.
-- idempotency_key is "<integration id>:<external id>" (or "cpc:<assignment>:<day>"): a
-- repeat of the same network transaction or order finds the existing row.
create table conversions (
    id                         uuid primary key,
    brand_id                   uuid not null references brands (id),
    offer_id                   uuid not null references offers (id),
    member_id                  uuid not null references members (id),
    assignment_id              uuid not null,
    project_id                 uuid,
    integration_id             uuid references integrations (id),
    idempotency_key            varchar(300) not null,
    kind                       varchar(10) not null,
    attributed_by              varchar(10) not null,
    transaction_id             varchar(64),
    promo_code                 varchar(40),
    order_id                   varchar(200),
    -- The order id normalised (no leading '#', lower case), to credit one order once.
    order_key                  varchar(200),
    status                     varchar(10) not null,
    currency                   char(3) not null,
    sale_minor                 bigint not null,
    commission_minor           bigint not null,
    network_commission_minor   bigint,
    payout_type                varchar(10),
    is_test                    boolean not null default false,
    converted_at               timestamp with time zone not null,
    created_at                 timestamp with time zone not null,
    updated_at                 timestamp with time zone not null,
    status_reason              varchar(500),
    payment_id                 uuid,
    constraint conversions_idempotency_unique unique (brand_id, idempotency_key)
);

create index conversions_brand_status on conversions (brand_id, status, converted_at);
create index conversions_offer_time on conversions (offer_id, converted_at);
create index conversions_member_status on conversions (member_id, status, converted_at);
create index conversions_order on conversions (brand_id, order_key);

-- Every change to a conversion, so partial adjustments and reversals keep their history.
create table conversion_changes (
    id                        uuid primary key,
    conversion_id             uuid not null references conversions (id),
    at                        timestamp with time zone not null,
    action                    varchar(20) not null,
    from_status               varchar(10),
    to_status                 varchar(10) not null,
    sale_minor                bigint not null,
    commission_minor          bigint not null,
    network_commission_minor  bigint,
    reason                    varchar(500)
);

create index conversion_changes_conversion on conversion_changes (conversion_id, at);
