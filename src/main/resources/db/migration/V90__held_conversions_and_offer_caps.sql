-- Quality rules hold a conversion for review instead of dropping it (status HELD). One row per
-- rule that fired, with why in words; kept after release or reversal, so a conversion always
-- shows which rules fired.
create table conversion_holds (
    conversion_id  uuid not null references conversions (id),
    rule           varchar(40) not null,
    detail         varchar(500) not null,
    constraint conversion_holds_pk primary key (conversion_id, rule)
);

-- The click's visitor (SHA-256 of IP and user agent with a daily salt, as the click stores it),
-- so the conversions of one visitor can be counted without reading the clicks table.
alter table conversions add column visitor_key varchar(64);

create index conversions_transaction on conversions (brand_id, transaction_id);
create index conversions_visitor on conversions (offer_id, visitor_key, converted_at);

-- Per-offer caps: a conversion beyond any of them is held for review. Null: no cap. Amounts in
-- minor units of the offer's currency.
create table offer_caps (
    offer_id                          uuid primary key references offers (id),
    max_sale_minor                    bigint,
    max_commission_minor              bigint,
    max_conversions_per_click         integer,
    max_conversions_per_visitor_day   integer,
    pixel_review_above_minor          bigint
);
