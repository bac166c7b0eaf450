-- A request to pay members (one Idempotency-Key per brand) and its items, one per member.
create table payments (
    id                 uuid primary key,
    brand_id           uuid not null references brands (id),
    idempotency_key    varchar(200) not null,
    request_hash       char(64) not null,
    provider           varchar(16) not null,
    status             varchar(20) not null,
    currency           char(3) not null,
    total_minor        bigint not null,
    fee_minor          bigint not null,
    charged_minor      bigint not null,
    provider_batch_id  varchar(100),
    created_at         timestamp with time zone not null,
    completed_at       timestamp with time zone,
    constraint payments_idempotency unique (brand_id, idempotency_key)
);

create index payments_brand on payments (brand_id, created_at);
create index payments_status on payments (status);

create table payment_items (
    id                uuid primary key,
    payment_id        uuid not null references payments (id),
    brand_id          uuid not null references brands (id),
    member_id         uuid not null,
    currency          char(3) not null,
    amount_minor      bigint not null,
    fee_minor         bigint not null,
    status            varchar(16) not null,
    receiver          varchar(320),
    provider_item_id  varchar(100),
    failure_reason    varchar(300),
    paid_at           timestamp with time zone
);

create index payment_items_payment on payment_items (payment_id);
create index payment_items_member on payment_items (brand_id, member_id);
