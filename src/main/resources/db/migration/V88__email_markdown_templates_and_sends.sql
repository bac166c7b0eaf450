-- Templates are written once in Markdown (body_markdown) and rendered to both the HTML and the
-- plain-text part. A brand keeps one template per kind and offer type, so a link offer's email can
-- speak of a link and a code offer's of a code. Templates saved before this were one per kind, for
-- every offer type: each is copied to all three types, as legacy HTML and text, and V89 converts
-- those it can to Markdown. legacy_html and legacy_text stay only on a template it could not convert;
-- such a template is still sent as it was saved until the brand saves a Markdown version.
create table email_templates_new (
    brand_id       uuid not null references brands (id),
    kind           varchar(40) not null,
    offer_type     varchar(20) not null,
    subject        varchar(500) not null,
    body_markdown  text,
    legacy_html    text,
    legacy_text    text,
    updated_at     timestamp with time zone not null,
    primary key (brand_id, kind, offer_type),
    check (body_markdown is not null or (legacy_html is not null and legacy_text is not null))
);

insert into email_templates_new (brand_id, kind, offer_type, subject, legacy_html, legacy_text, updated_at)
select t.brand_id, t.kind, o.offer_type, t.subject, t.body_html, t.body_text, t.updated_at
from email_templates t
cross join (values ('LINK'), ('PROMO_CODE'), ('LINK_AND_CODE')) as o (offer_type);

drop table email_templates;
alter table email_templates_new rename to email_templates;

-- A send: one "Send Sales Tracking Items" or "Email Members" action, whose job queued one email
-- per member. Its delivery log is its messages in the outbox (email_outbox.send_id). The id is the
-- key of the form (or API request) that asked for it, so sending the same form twice sends once.
-- offer_id and project_id name another feature's rows and are not foreign keys.
create table email_sends (
    id          uuid primary key,
    brand_id    uuid not null references brands (id),
    offer_id    uuid not null,
    project_id  uuid,
    kind        varchar(40) not null,
    subject     varchar(500) not null,
    total       integer not null,
    job_id      uuid,
    sent_by     varchar(320),
    created_at  timestamp with time zone not null
);

create index email_sends_offer on email_sends (offer_id, created_at);
create index email_sends_project on email_sends (project_id, created_at);

alter table email_outbox add column send_id uuid references email_sends (id);
create index email_outbox_send on email_outbox (send_id, status);

-- "Resend the failed ones": each press is recorded under the key its form carried, so pressing
-- twice queues the failed emails once.
create table email_resends (
    id          uuid primary key,
    send_id     uuid not null references email_sends (id),
    requeued    integer not null,
    created_at  timestamp with time zone not null
);

create index email_resends_send on email_resends (send_id, created_at);
