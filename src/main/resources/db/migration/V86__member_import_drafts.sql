-- A CSV file uploaded in the console and previewed, kept until the brand confirms the import (or
-- for a day): nothing is written to members before the confirmation, and the file does not have
-- to travel through the browser again.
create table member_import_drafts (
    id          uuid primary key,
    brand_id    uuid not null references brands (id),
    file_name   varchar(200) not null,
    csv         text not null,
    created_at  timestamp with time zone not null
);

create index member_import_drafts_created on member_import_drafts (created_at);
