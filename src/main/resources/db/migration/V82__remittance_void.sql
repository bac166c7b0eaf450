-- A wrong remittance can be voided by a balancing entry. A voided one no longer holds its
-- (network, period, currency): active_slot is '-' while it counts and its own id once voided.
alter table remittances add column voided_at timestamp with time zone;
alter table remittances add column void_reason varchar(300);
alter table remittances add column active_slot varchar(36) default '-' not null;
alter table remittances drop constraint remittances_period_unique;
alter table remittances add constraint remittances_period_unique unique (brand_id, network, period, currency, active_slot);
