-- Click spam (issue 18): clicks of a visitor who clicked one member's link more often in a day
-- than the offer allows are flagged. They stay in the gross click counts and leave the unique
-- counts (and so pay per click); the rollups get the difference through click_rollup_queue.
alter table clicks add column is_spam boolean default false not null;

-- One row per flagged visitor, link and click day (UTC, the visitor key's salt day): what the
-- reports and the member's quality summary show as flagged, without reading raw clicks.
create table click_spam (
    assignment_id  uuid not null,
    visitor_key    varchar(64) not null,
    click_day      date not null,
    brand_id       uuid not null,
    offer_id       uuid not null,
    member_id      uuid not null,
    clicks         bigint not null,
    flagged_at     timestamp with time zone not null,
    primary key (assignment_id, visitor_key, click_day)
);

create index click_spam_offer on click_spam (offer_id, click_day);
create index click_spam_member on click_spam (brand_id, member_id);
