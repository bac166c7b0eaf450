-- Creator Portal magic links. Only the SHA-256 of the token is stored; a link works once,
-- until expires_at. The portal identity is the email address, across brands.
create table portal_sign_in_links (
    token_hash  char(64) primary key,
    email_key   varchar(320) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);

create index portal_sign_in_links_email on portal_sign_in_links (email_key, created_at);

-- The portal finds a person's member records in every brand by email address.
create index members_email_key on members (email_key);
