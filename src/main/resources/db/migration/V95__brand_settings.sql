-- Brand settings: what creators see (name, logo), who their emails come from, the brand's
-- website, the currency new offers start in, the time zone its days are cut in, and its payout
-- defaults. Null means "not set": the server's configured default applies (UTC for the zone).
-- The logo is stored here, not linked: pages may load images only from their own origin (CSP),
-- and a stored copy cannot change or disappear behind the brand's back.
alter table brands add column logo_type varchar(20);
alter table brands add column logo bytea;
alter table brands add column sender_name varchar(100);
alter table brands add column sender_email varchar(320);
alter table brands add column reply_to_email varchar(320);
alter table brands add column website varchar(2000);
alter table brands add column default_currency char(3);
alter table brands add column time_zone varchar(64);
alter table brands add column payout_method varchar(20);
alter table brands add column minimum_payout numeric(19, 2);
alter table brands add column updated_at timestamp with time zone;
