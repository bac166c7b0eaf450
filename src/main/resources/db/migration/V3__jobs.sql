-- Long-running work (bulk link generation, imports, mass email) and its progress.
create table jobs (
    id            uuid primary key,
    brand_id      uuid not null references brands (id),
    kind          varchar(50) not null,
    status        varchar(20) not null,
    done          integer not null default 0,
    total         integer not null,
    result        varchar(8000),
    error         varchar(2000),
    created_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null,
    finished_at   timestamp with time zone
);

create index jobs_brand on jobs (brand_id, created_at);
