-- H2 keeps raw clicks in one table (PostgreSQL partitions them by month: see
-- db/vendor/postgresql), with the same unique key, so both answer a duplicate alike.
alter table clicks drop primary key;
alter table clicks add primary key (transaction_id, clicked_at);
