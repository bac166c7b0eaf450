-- What the ledger has booked for each conversion, fed only by ConversionMoneyChanged events.
-- booked_* is what sits in the balanced accounts (approved or paid conversions);
-- pending_member_minor feeds the overview's pending column without touching the accounts.
create table ledger_events (
    event_id      uuid primary key,
    brand_id      uuid not null references brands (id),
    processed_at  timestamp with time zone not null
);

create table ledger_conversions (
    conversion_id         uuid primary key,
    brand_id              uuid not null references brands (id),
    member_id             uuid not null,
    currency              char(3) not null,
    status                varchar(16) not null,
    pending_member_minor  bigint not null,
    booked_member_minor   bigint not null,
    booked_network_minor  bigint not null,
    approved_at           timestamp with time zone,
    remittance_id         uuid,
    updated_at            timestamp with time zone not null
);

create index ledger_conversions_member on ledger_conversions (brand_id, member_id);
create index ledger_conversions_approved on ledger_conversions (brand_id, currency, approved_at);
