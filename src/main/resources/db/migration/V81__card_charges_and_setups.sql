-- The brand's customer at the card processor: created once per brand.
create table card_customers (
    brand_id      uuid primary key references brands (id),
    processor     varchar(16) not null,
    customer_ref  varchar(100) not null,
    created_at    timestamp with time zone not null
);

-- A charge of the brand's linked card: an explicit top-up, or a payment's shortfall. One row per
-- request (brand, purpose, the client's Idempotency-Key); attempt counts the processor requests
-- made for it, a new one only after a confirmed decline. Money is booked only when the processor
-- says the charge succeeded (journal idempotency key card-charge:<id>:<attempt>).
create table card_charges (
    id                 uuid primary key,
    brand_id           uuid not null references brands (id),
    purpose            varchar(16) not null,
    request_key        varchar(200) not null,
    currency           char(3) not null,
    amount_minor       bigint not null,
    payment_method_id  uuid not null references payment_methods (id),
    attempt            integer not null,
    intent_ref         varchar(100),
    status             varchar(16) not null,
    failure_reason     varchar(300),
    attempted_at       timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint card_charges_request unique (brand_id, purpose, request_key)
);

create index card_charges_status on card_charges (status, attempted_at);
create index card_charges_intent on card_charges (intent_ref);

-- The SetupIntent a card was saved with; a card is linked once per SetupIntent.
alter table payment_methods add column setup_ref varchar(100);
create unique index payment_methods_setup on payment_methods (brand_id, setup_ref);
