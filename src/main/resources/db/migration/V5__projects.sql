-- Projects group members (e.g. a campaign); its Sales Tracking stage assigns them to offers.
create table projects (
    id          uuid primary key,
    brand_id    uuid not null references brands (id),
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create index projects_brand on projects (brand_id, created_at);

create table project_members (
    project_id  uuid not null references projects (id),
    member_id   uuid not null references members (id),
    added_at    timestamp with time zone not null,
    primary key (project_id, member_id)
);

create index project_members_member on project_members (member_id);
