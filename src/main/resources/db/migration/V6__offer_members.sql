-- A member's place in an offer: their tracking link code, promo code and dashboard token.
-- promo_code_key is the upper-cased code, so codes are unique per brand ignoring case.
create table offer_members (
    id                     uuid primary key,
    brand_id               uuid not null references brands (id),
    offer_id               uuid not null references offers (id),
    member_id              uuid not null references members (id),
    project_id             uuid references projects (id),
    link_code              varchar(16) not null,
    promo_code             varchar(40),
    promo_code_key         varchar(40),
    dashboard_token        varchar(64) not null,
    payout_id              uuid references offer_payouts (id) on delete set null,
    override_type          varchar(10),
    override_amount_minor  bigint,
    override_percent       numeric(7, 4),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint offer_members_offer_member_unique unique (offer_id, member_id),
    constraint offer_members_link_code_unique unique (link_code),
    constraint offer_members_dashboard_token_unique unique (dashboard_token),
    constraint offer_members_promo_code_unique unique (brand_id, promo_code_key)
);

create index offer_members_member on offer_members (member_id);
