-- The audit log is append-only in the database too: any UPDATE, DELETE or TRUNCATE of
-- audit_entries is refused, whoever sends it (the application never does; this stops a script,
-- a console session or a compromised connection from rewriting history). Dropping the trigger
-- takes the table owner's rights, which the application's role need not have.
create function audit_entries_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entries is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entries_no_update_or_delete before update or delete on audit_entries
    for each statement execute function audit_entries_refuse_change();

create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_entries_refuse_change();
