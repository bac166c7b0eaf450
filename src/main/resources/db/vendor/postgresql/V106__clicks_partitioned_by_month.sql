-- Raw clicks partitioned by month of clicked_at (UTC), so retention drops a month's partition
-- instead of deleting rows. A partitioned table's unique key must hold the partition column, so
-- the key becomes (transaction_id, clicked_at); lookups by transaction id alone use each
-- partition's key index. The default partition takes any click whose month has no partition
-- yet, so no click is ever refused; ClickPartitions creates the months ahead and moves what the
-- default partition holds into its month's partition (here: every click stored so far).
alter table clicks rename to clicks_unpartitioned;
alter index clicks_pkey rename to clicks_unpartitioned_pkey;
alter index clicks_assignment_visitor rename to clicks_unpartitioned_assignment_visitor;

create table clicks (
    transaction_id  varchar(64) not null,
    clicked_at      timestamp with time zone not null,
    brand_id        uuid not null,
    offer_id        uuid not null,
    member_id       uuid not null,
    project_id      uuid,
    assignment_id   uuid not null,
    visitor_key     varchar(64) not null,
    user_agent      varchar(512),
    referrer        varchar(1024),
    is_bot          boolean not null,
    is_unique       boolean not null,
    primary key (transaction_id, clicked_at)
) partition by range (clicked_at);

create index clicks_assignment_visitor on clicks (assignment_id, visitor_key, clicked_at);

create table clicks_default partition of clicks default;

insert into clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
    visitor_key, user_agent, referrer, is_bot, is_unique)
select transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
    visitor_key, user_agent, referrer, is_bot, is_unique
from clicks_unpartitioned;

drop table clicks_unpartitioned;
