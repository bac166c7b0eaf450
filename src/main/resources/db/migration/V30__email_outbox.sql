-- Transactional outbox: an email is a row first, committed with whatever caused it, and a
-- worker delivers it over SMTP with retries. Nothing queued is lost; every attempt is logged.
create table email_outbox (
    id               uuid primary key,
    brand_id         uuid references brands (id),
    member_id        uuid references members (id),
    category         varchar(50) not null,
    to_address       varchar(320) not null,
    subject          varchar(500) not null,
    body_html        text not null,
    body_text        text not null,
    status           varchar(20) not null,
    attempts         integer not null default 0,
    last_error       varchar(2000),
    created_at       timestamp with time zone not null,
    next_attempt_at  timestamp with time zone not null,
    claimed_at       timestamp with time zone,
    sent_at          timestamp with time zone
);

create index email_outbox_due on email_outbox (status, next_attempt_at);
create index email_outbox_brand on email_outbox (brand_id, created_at);
create index email_outbox_member on email_outbox (member_id, created_at);
