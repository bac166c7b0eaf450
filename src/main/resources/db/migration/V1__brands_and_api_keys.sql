-- A brand workspace and the API keys that act on its behalf. Keys are stored as SHA-256
-- hashes; only a short prefix is kept in clear so a person can tell keys apart.
create table brands (
    id          uuid primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table api_keys (
    id            uuid primary key,
    brand_id      uuid not null references brands (id),
    name          varchar(100) not null,
    key_prefix    varchar(16) not null,
    key_hash      char(64) not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint api_keys_hash_unique unique (key_hash)
);

create index api_keys_brand on api_keys (brand_id);
