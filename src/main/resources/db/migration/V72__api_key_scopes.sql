-- What an API key may do: space-separated scopes (reporting:read, programs, conversions,
-- payments, admin). Keys made before scopes existed could do everything, so they become admin.
alter table api_keys add column scopes varchar(200) not null default 'admin';
alter table api_keys alter column scopes drop default;
