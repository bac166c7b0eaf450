-- One design for the click and conversion rollups (docs/rollups.md).
--
-- 1. Totals are no longer disguised as days. A tracking link's all-time totals were a row dated
--    9999-12-31 in click_daily and conversion_daily, and an offer's click lock a row dated
--    1900-01-01 in click_offer_daily, so every reader of a day table had to step round them. The
--    totals move to click_link_totals and conversion_link_totals (one row per link, with the first
--    and last day the link has a day row for); the day tables keep real days only. The offer lock
--    rows go: the applier locks each link's totals row instead (V40's lock was there so that a new
--    day row is seeded from committed running totals, which is a per-link need).
-- 2. Conversions are queued like clicks (V51): the transactions that create or change conversions
--    insert deltas into conversion_rollup_queue, applied to the rollups after the commit.
-- 3. So conversion_offer_daily needs no shards any more (they spread concurrent postbacks over
--    eight rows per offer and day; one applier adds a whole chunk at once): one row per offer and day.
-- 4. The per-status commission of a link is read all-time only: it moves from conversion_daily's day
--    rows to conversion_link_totals.
--
-- The totals are summed from the day rows, whose figures the old total rows only added up. Deploy with
-- all nodes stopped: an older node would still write the old rows.

create table click_link_totals (
    assignment_id  uuid primary key,
    brand_id       uuid not null,
    offer_id       uuid not null,
    member_id      uuid not null,
    clicks         bigint not null default 0,
    unique_clicks  bigint not null default 0,
    bot_clicks     bigint not null default 0,
    first_day      date not null,
    last_day       date not null
);

create index click_link_totals_offer_member on click_link_totals (offer_id, member_id);

insert into click_link_totals (assignment_id, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks,
    first_day, last_day)
select assignment_id, brand_id, offer_id, member_id, sum(clicks), sum(unique_clicks), sum(bot_clicks),
    min(click_day), max(click_day)
from click_daily
where click_day < date '9999-12-31'
group by assignment_id, brand_id, offer_id, member_id;

delete from click_daily where click_day = date '9999-12-31';
alter table click_daily drop column first_day;
alter table click_daily drop column last_day;

delete from click_offer_daily where click_day = date '1900-01-01';

create table conversion_link_totals (
    assignment_id              uuid not null,
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
    first_day                  date not null,
    last_day                   date not null,
    primary key (assignment_id, currency)
);

create index conversion_link_totals_offer_member on conversion_link_totals (offer_id, member_id);

insert into conversion_link_totals (assignment_id, currency, brand_id, offer_id, member_id, live, conversions,
    sales_minor, commission_minor, pending_commission_minor, approved_commission_minor, paid_commission_minor,
    first_day, last_day)
select assignment_id, currency, brand_id, offer_id, member_id, sum(live), sum(conversions), sum(sales_minor),
    sum(commission_minor), sum(pending_commission_minor), sum(approved_commission_minor), sum(paid_commission_minor),
    min(conversion_day), max(conversion_day)
from conversion_daily
where conversion_day < date '9999-12-31'
group by assignment_id, currency, brand_id, offer_id, member_id;

delete from conversion_daily where conversion_day = date '9999-12-31';
alter table conversion_daily drop column first_day;
alter table conversion_daily drop column last_day;
alter table conversion_daily drop column pending_commission_minor;
alter table conversion_daily drop column approved_commission_minor;
alter table conversion_daily drop column paid_commission_minor;

create table conversion_offer_daily_new (
    offer_id          uuid not null,
    conversion_day    date not null,
    brand_id          uuid not null,
    live              bigint not null default 0,
    conversions       bigint not null default 0,
    sales_minor       bigint not null default 0,
    commission_minor  bigint not null default 0,
    primary key (offer_id, conversion_day)
);

insert into conversion_offer_daily_new (offer_id, conversion_day, brand_id, live, conversions, sales_minor,
    commission_minor)
select offer_id, conversion_day, brand_id, sum(live), sum(conversions), sum(sales_minor), sum(commission_minor)
from conversion_offer_daily
group by offer_id, conversion_day, brand_id;

drop table conversion_offer_daily;
alter table conversion_offer_daily_new rename to conversion_offer_daily;

-- Conversion deltas waiting to be added to the rollups, as click_rollup_queue (V51) for clicks.
create table conversion_rollup_queue (
    id                         bigint generated by default as identity primary key,
    assignment_id              uuid not null,
    conversion_day             date not null,
    currency                   char(3) not null,
    brand_id                   uuid not null,
    offer_id                   uuid not null,
    member_id                  uuid not null,
    live                       bigint not null,
    conversions                bigint not null,
    sales_minor                bigint not null,
    commission_minor           bigint not null,
    pending_commission_minor   bigint not null,
    approved_commission_minor  bigint not null,
    paid_commission_minor      bigint not null
);
