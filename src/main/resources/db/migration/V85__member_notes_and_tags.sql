-- What a brand notes about a member, and its own labels for them ("vip", "summer-2026"). Tags are
-- compared lower-cased (tag_key), so "VIP" and "vip" are one tag of a member and one search.
alter table members add column notes varchar(4000);

create table member_tags (
    member_id  uuid not null references members (id),
    tag        varchar(50) not null,
    tag_key    varchar(50) not null,
    primary key (member_id, tag_key)
);

create index member_tags_key on member_tags (tag_key, member_id);
