-- Rate limits shared by every node: one row per limited key and fixed window. The key is
-- stored only as SHA-256 of the limiter's name and the key (some keys are dashboard tokens).
create table rate_limit_hits (
    bucket        char(64) not null,
    window_start  timestamp with time zone not null,
    hits          integer not null,
    expires_at    timestamp with time zone not null,
    constraint rate_limit_hits_pk primary key (bucket, window_start)
);

create index rate_limit_hits_expiry on rate_limit_hits (expires_at);

-- Console sign-in failures per account (SHA-256 of the lower-cased email, whether or not such
-- a user exists, so a lock says nothing about who has an account). Repeated failures lock the
-- account for a time that doubles with every further failure.
create table sign_in_failures (
    account_hash     char(64) primary key,
    failures         integer not null,
    last_failure_at  timestamp with time zone not null,
    locked_until     timestamp with time zone
);

-- A server key generated on first use when LINKLEDGER_SECRET_KEY is not set, so sealed tokens
-- survive restarts and every node agrees. Production sets the key instead: a key kept next to
-- the data it protects does not protect it from someone who has the database.
create table server_keys (
    name        varchar(50) primary key,
    key_value   varchar(100) not null,
    created_at  timestamp with time zone not null
);
