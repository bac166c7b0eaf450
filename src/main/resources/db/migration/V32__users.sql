-- People who sign in to the brand console. Email is the user name, unique across the
-- installation; passwords are stored only as salted BCrypt hashes.
create table users (
    id             uuid primary key,
    brand_id       uuid not null references brands (id),
    email          varchar(320) not null,
    email_key      varchar(320) not null,
    password_hash  varchar(200) not null,
    role           varchar(20) not null,
    created_at     timestamp with time zone not null,
    disabled_at    timestamp with time zone,
    constraint users_email_unique unique (email_key)
);

create index users_brand on users (brand_id);
