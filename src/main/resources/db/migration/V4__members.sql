-- Creators who promote a brand's offers. Email is unique per brand, compared lower-cased.
create table members (
    id            uuid primary key,
    brand_id      uuid not null references brands (id),
    name          varchar(200) not null,
    email         varchar(320) not null,
    email_key     varchar(320) not null,
    handle        varchar(100),
    paypal_email  varchar(320),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint members_email_unique unique (brand_id, email_key)
);

create index members_brand_name on members (brand_id, name);
