-- Payouts are followed until every item is final. What a provider has not confirmed is
-- UNKNOWN, never FAILED: money goes back to the balance only on a confirmed failure.
-- submission: NOT_SENT (nothing reached the provider for sure), UNCERTAIN (an attempt may have
-- reached it and its answer was lost), ACCEPTED (the provider's batch id is known), REFUSED
-- (the provider refused the only submission there was).
alter table payments add column submission varchar(16) default 'NOT_SENT' not null;
alter table payments add column first_submitted_at timestamp with time zone;
alter table payments add column next_check_at timestamp with time zone;
alter table payments add column last_error varchar(300);
alter table payments add column transfer_confirmed_by varchar(200);

update payments set submission = 'ACCEPTED', first_submitted_at = created_at where provider_batch_id is not null;
update payments set next_check_at = created_at where provider = 'PAYPAL' and status = 'PROCESSING';

-- AWAITING_TRANSFER: a manual payout waits for the brand to confirm it sent the money.
alter table payment_items alter column status set data type varchar(20);

-- The provider's own word for the item (PayPal's transaction_status), and when money came back.
alter table payment_items add column provider_status varchar(16);
alter table payment_items add column returned_at timestamp with time zone;

create index payments_follow on payments (provider, next_check_at);
create index payment_items_provider on payment_items (provider_item_id);

-- Webhook events from payment providers (PayPal, Stripe), kept once per event id after their
-- signature verified; processed_at stays null until the event was applied.
create table provider_events (
    provider      varchar(16) not null,
    event_id      varchar(100) not null,
    event_type    varchar(100) not null,
    payload       text not null,
    received_at   timestamp with time zone not null,
    processed_at  timestamp with time zone,
    outcome       varchar(300),
    constraint provider_events_pk primary key (provider, event_id)
);

create index provider_events_unprocessed on provider_events (processed_at);
