-- The member dashboard reads one member's conversions in one offer.
create index conversions_assignment_time on conversions (assignment_id, converted_at);
