-- A brand's edited version of a pre-generated email; without a row the default is used.
create table email_templates (
    brand_id    uuid not null references brands (id),
    kind        varchar(40) not null,
    subject     varchar(500) not null,
    body_html   text not null,
    body_text   text not null,
    updated_at  timestamp with time zone not null,
    primary key (brand_id, kind)
);
