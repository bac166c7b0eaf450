-- Clicks per tracking link and UTC day, kept in the same transaction as the click rows, so
-- reports read a few rows per day instead of scanning raw clicks. clicks = human gross clicks.
create table click_daily (
    assignment_id  uuid not null,
    click_day      date not null,
    brand_id       uuid not null,
    offer_id       uuid not null,
    member_id      uuid not null,
    clicks         bigint not null default 0,
    unique_clicks  bigint not null default 0,
    bot_clicks     bigint not null default 0,
    primary key (assignment_id, click_day)
);

create index click_daily_offer_day on click_daily (offer_id, click_day);

-- The daily salt of visitor keys, shared by every tracking node. Salts older than yesterday are
-- deleted, after which nobody can link a stored visitor key to an IP address and user agent.
create table visitor_salts (
    salt_day  date primary key,
    salt      varchar(64) not null
);
