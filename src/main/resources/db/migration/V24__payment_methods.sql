-- A brand's linked card (a processor's customer and saved payment method; never card numbers).
create table payment_methods (
    id                   uuid primary key,
    brand_id             uuid not null references brands (id),
    processor            varchar(16) not null,
    customer_ref         varchar(100) not null,
    payment_method_ref   varchar(100) not null,
    card_brand           varchar(32),
    last4                varchar(4),
    exp_month            integer,
    exp_year             integer,
    status               varchar(16) not null,
    created_at           timestamp with time zone not null
);

create index payment_methods_brand on payment_methods (brand_id, status);
