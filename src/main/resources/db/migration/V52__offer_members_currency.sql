-- The assignment carries its offer's currency (fixed once the offer exists), so reading an
-- assignment's commission override needs no join with the offers feature's table.
alter table offer_members add column currency char(3);
update offer_members set currency = (select o.currency from offers o where o.id = offer_members.offer_id);
alter table offer_members alter column currency set not null;
