-- Conversion rollups that answer any period with a fixed number of rows (issue 8); the same shape
-- as V40's click rollups.
--
-- conversion_daily gains running totals (run_*: from the link's first day through this day) and a
-- total row per link dated 9999-12-31 whose day columns stay zero, whose run_* columns are the
-- link's all-time totals and whose first_day/last_day bound the link's day rows. The total row is
-- also the link's lock: a conversion change locks it first, so changes of one link take turns and
-- a new day row is always seeded from committed running totals. Conversions of other links and
-- offers do not wait for each other.
--
-- conversion_offer_daily holds the offer's figures per day for the offer report. Writers add to one
-- of a few rows per offer and day (shard, chosen by link), so concurrent conversions of different
-- members rarely wait for one hot row; readers add the shards up.
create table conversion_daily_new (
    assignment_id              uuid not null,
    conversion_day             date not null,
    currency                   char(3) not null,
    brand_id                   uuid not null,
    offer_id                   uuid not null,
    member_id                  uuid not null,
    live                       bigint not null default 0,
    conversions                bigint not null default 0,
    sales_minor                bigint not null default 0,
    commission_minor           bigint not null default 0,
    pending_commission_minor   bigint not null default 0,
    approved_commission_minor  bigint not null default 0,
    paid_commission_minor      bigint not null default 0,
    run_live                   bigint not null default 0,
    run_conversions            bigint not null default 0,
    run_sales_minor            bigint not null default 0,
    run_commission_minor       bigint not null default 0,
    first_day                  date,
    last_day                   date,
    primary key (assignment_id, conversion_day, currency)
);

insert into conversion_daily_new (assignment_id, conversion_day, currency, brand_id, offer_id, member_id, live,
    conversions, sales_minor, commission_minor, pending_commission_minor, approved_commission_minor,
    paid_commission_minor, run_live, run_conversions, run_sales_minor, run_commission_minor)
select assignment_id, conversion_day, currency, brand_id, offer_id, member_id, live, conversions, sales_minor,
    commission_minor, pending_commission_minor, approved_commission_minor, paid_commission_minor,
    sum(live) over (partition by assignment_id, currency order by conversion_day
        rows between unbounded preceding and current row),
    sum(conversions) over (partition by assignment_id, currency order by conversion_day
        rows between unbounded preceding and current row),
    sum(sales_minor) over (partition by assignment_id, currency order by conversion_day
        rows between unbounded preceding and current row),
    sum(commission_minor) over (partition by assignment_id, currency order by conversion_day
        rows between unbounded preceding and current row)
from conversion_daily;

insert into conversion_daily_new (assignment_id, conversion_day, currency, brand_id, offer_id, member_id, run_live,
    run_conversions, run_sales_minor, run_commission_minor, first_day, last_day)
select assignment_id, date '9999-12-31', currency, brand_id, offer_id, member_id, sum(live), sum(conversions),
    sum(sales_minor), sum(commission_minor), min(conversion_day), max(conversion_day)
from conversion_daily
group by assignment_id, currency, brand_id, offer_id, member_id;

drop table conversion_daily;
alter table conversion_daily_new rename to conversion_daily;
create index conversion_daily_offer_day on conversion_daily (offer_id, conversion_day);

create table conversion_offer_daily (
    offer_id          uuid not null,
    conversion_day    date not null,
    shard             integer not null,
    brand_id          uuid not null,
    live              bigint not null default 0,
    conversions       bigint not null default 0,
    sales_minor       bigint not null default 0,
    commission_minor  bigint not null default 0,
    primary key (offer_id, conversion_day, shard)
);

insert into conversion_offer_daily (offer_id, conversion_day, shard, brand_id, live, conversions, sales_minor,
    commission_minor)
select offer_id, conversion_day, 0, brand_id, sum(live), sum(conversions), sum(sales_minor), sum(commission_minor)
from conversion_daily
where conversion_day < date '9999-12-31'
group by offer_id, conversion_day, brand_id;
