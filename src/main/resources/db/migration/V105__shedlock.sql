-- One row per scheduled job: the node holding it until lock_until runs the job, the others skip
-- that run (ShedLock's JDBC provider; the layout is the one it expects). Times come from the
-- database clock, so nodes whose clocks differ still agree.
create table shedlock (
    name        varchar(64) primary key,
    lock_until  timestamp with time zone not null,
    locked_at   timestamp with time zone not null,
    locked_by   varchar(255) not null
);
