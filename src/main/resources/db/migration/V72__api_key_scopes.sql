-- What an API key may do: space-separated scopes (reporting:read, programs, conversions,
-- payments, admin). Keys made before scopes existed could do everything, so they become admin,
-- as does a key inserted without scopes (the API's default too); the application always names them.
alter table api_keys add column scopes varchar(200) not null default 'admin';
