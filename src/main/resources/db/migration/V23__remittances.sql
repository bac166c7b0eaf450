-- Money a network paid for a period. It lands pending and becomes available on available_on.
create table remittances (
    id                uuid primary key,
    brand_id          uuid not null references brands (id),
    network           varchar(32) not null,
    period            char(7) not null,
    currency          char(3) not null,
    expected_minor    bigint not null,
    received_minor    bigint not null,
    received_on       date not null,
    available_on      date not null,
    status            varchar(16) not null,
    created_at        timestamp with time zone not null,
    settled_at        timestamp with time zone,
    constraint remittances_period_unique unique (brand_id, network, period, currency)
);

create index remittances_due on remittances (status, available_on);
