-- Live conversions per tracking link, UTC day of converted_at and currency, kept in the same
-- transaction as every conversion insert and change, so reports read a few rows per member and
-- day instead of scanning raw conversions. Reversed and test conversions are not in it.
-- conversions counts everything but pay-per-click accruals (kind CPC), whose commission counts.
create table conversion_daily (
    assignment_id              uuid not null,
    conversion_day             date not null,
    currency                   char(3) not null,
    brand_id                   uuid not null,
    offer_id                   uuid not null,
    member_id                  uuid not null,
    -- live conversions of any kind; a day or member with none left is not reported
    live                       bigint not null default 0,
    conversions                bigint not null default 0,
    sales_minor                bigint not null default 0,
    commission_minor           bigint not null default 0,
    pending_commission_minor   bigint not null default 0,
    approved_commission_minor  bigint not null default 0,
    paid_commission_minor      bigint not null default 0,
    primary key (assignment_id, conversion_day, currency)
);

create index conversion_daily_offer_day on conversion_daily (offer_id, conversion_day);

-- Backfill from the conversions stored so far.
insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id, live, conversions,
    sales_minor, commission_minor, pending_commission_minor, approved_commission_minor, paid_commission_minor)
select assignment_id, cast(converted_at at time zone 'UTC' as date), currency, brand_id, offer_id, member_id,
    count(*),
    sum(case when kind <> 'CPC' then 1 else 0 end),
    sum(sale_minor),
    sum(commission_minor),
    sum(case when status = 'PENDING' then commission_minor else 0 end),
    sum(case when status = 'APPROVED' then commission_minor else 0 end),
    sum(case when status = 'PAID' then commission_minor else 0 end)
from conversions
where status <> 'REVERSED' and is_test = false
-- brand, offer and member follow from the assignment; grouped by so every database accepts them
group by assignment_id, cast(converted_at at time zone 'UTC' as date), currency, brand_id, offer_id, member_id;
