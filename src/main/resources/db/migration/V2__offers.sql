-- Offers a brand runs, and the payout options (tiers) each offer pays members.
create table offers (
    id                       uuid primary key,
    brand_id                 uuid not null references brands (id),
    name                     varchar(200) not null,
    description              varchar(4000),
    type                     varchar(20) not null,
    conversion_type          varchar(20) not null,
    currency                 char(3) not null,
    tracking_protocol        varchar(40) not null,
    destination_url          varchar(2048),
    fallback_url             varchar(2048),
    -- Hosts a tracking link may deep-link to with ?url=, separated by spaces.
    deep_link_hosts          varchar(2000) not null default '',
    starts_at                timestamp with time zone,
    ends_at                  timestamp with time zone,
    status                   varchar(20) not null,
    attribution_window_days  integer not null default 30,
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null
);

create index offers_brand_status on offers (brand_id, status);

create table offer_payouts (
    id            uuid primary key,
    offer_id      uuid not null references offers (id),
    name          varchar(100) not null,
    type          varchar(10) not null,
    amount_minor  bigint,
    percent       numeric(7, 4),
    is_default    boolean not null,
    position      integer not null,
    constraint offer_payouts_name_unique unique (offer_id, name)
);
