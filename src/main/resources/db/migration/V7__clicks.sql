-- One row per answered redirect. The transaction id is what the destination URL carries
-- ({transaction_id}) and what a network echoes back on conversion. No foreign keys: this is
-- the hot insert path, and the ids come from an assignment that existed when the click came.
create table clicks (
    transaction_id  varchar(64) primary key,
    clicked_at      timestamp with time zone not null,
    brand_id        uuid not null,
    offer_id        uuid not null,
    member_id       uuid not null,
    project_id      uuid,
    assignment_id   uuid not null,
    -- SHA-256 of IP + user agent with a rotating salt: repeat visits are recognisable for a
    -- day, the visitor's IP is never stored.
    visitor_key     varchar(64) not null,
    user_agent      varchar(512),
    referrer        varchar(1024),
    is_bot          boolean not null,
    is_unique       boolean not null
);

create index clicks_offer_time on clicks (offer_id, clicked_at);
create index clicks_assignment_visitor on clicks (assignment_id, visitor_key, clicked_at);
