-- Click rollups that answer any period with a fixed number of rows (issue 8).
--
-- click_daily gains running totals: run_* on a link's row for day d are its clicks from its first
-- day through d, so a period's figures are run(to) - run(from - 1). Each link also gets a total row
-- dated 9999-12-31: its day columns stay zero, its run_* columns are the link's all-time totals and
-- first_day/last_day (null on the day rows) bound the days it has rows for. A reader needs at most
-- two rows per link, whatever the period's length.
--
-- click_offer_daily holds the offer's clicks per day, for the offer report's totals and chart
-- (one row per day instead of one per link and day). Its row dated 1900-01-01 has zero counts and
-- is the offer's lock: every click batch locks it first, so writers of one offer's click rollups
-- take turns and a link's new day row is always seeded from committed running totals.
--
-- The table is rebuilt rather than altered so the running totals come from one window sum.
create table click_daily_new (
    assignment_id      uuid not null,
    click_day          date not null,
    brand_id           uuid not null,
    offer_id           uuid not null,
    member_id          uuid not null,
    clicks             bigint not null default 0,
    unique_clicks      bigint not null default 0,
    bot_clicks         bigint not null default 0,
    run_clicks         bigint not null default 0,
    run_unique_clicks  bigint not null default 0,
    run_bot_clicks     bigint not null default 0,
    first_day          date,
    last_day           date,
    primary key (assignment_id, click_day)
);

insert into click_daily_new (assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks,
    bot_clicks, run_clicks, run_unique_clicks, run_bot_clicks)
select assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks,
    sum(clicks) over (partition by assignment_id order by click_day rows between unbounded preceding and current row),
    sum(unique_clicks) over (partition by assignment_id order by click_day rows between unbounded preceding and current row),
    sum(bot_clicks) over (partition by assignment_id order by click_day rows between unbounded preceding and current row)
from click_daily;

insert into click_daily_new (assignment_id, click_day, brand_id, offer_id, member_id, run_clicks, run_unique_clicks,
    run_bot_clicks, first_day, last_day)
select assignment_id, date '9999-12-31', brand_id, offer_id, member_id, sum(clicks), sum(unique_clicks),
    sum(bot_clicks), min(click_day), max(click_day)
from click_daily
group by assignment_id, brand_id, offer_id, member_id;

drop table click_daily;
alter table click_daily_new rename to click_daily;
create index click_daily_offer_day on click_daily (offer_id, click_day);

create table click_offer_daily (
    offer_id       uuid not null,
    click_day      date not null,
    brand_id       uuid not null,
    clicks         bigint not null default 0,
    unique_clicks  bigint not null default 0,
    bot_clicks     bigint not null default 0,
    primary key (offer_id, click_day)
);

insert into click_offer_daily (offer_id, click_day, brand_id, clicks, unique_clicks, bot_clicks)
select offer_id, click_day, brand_id, sum(clicks), sum(unique_clicks), sum(bot_clicks)
from click_daily
where click_day < date '9999-12-31'
group by offer_id, click_day, brand_id;

insert into click_offer_daily (offer_id, click_day, brand_id)
select distinct offer_id, date '1900-01-01', brand_id from click_daily;
