-- How an offer's conversions are approved and paid beyond its payout options:
-- lock_period_days approves pending conversions that old automatically (null: only by hand).
create table offer_conversion_terms (
    offer_id          uuid primary key references offers (id),
    lock_period_days  integer
);

-- Monthly volume tiers: a member's sales in a calendar month (UTC) from from_minor upwards
-- earn percent; the part of a sale on each side of a boundary earns that side's percent.
create table offer_volume_tiers (
    offer_id    uuid not null references offers (id),
    from_minor  bigint not null,
    percent     numeric(7, 4) not null,
    primary key (offer_id, from_minor)
);
