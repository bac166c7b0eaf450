-- Nothing reads raw clicks by offer and time any more (the daily pay-per-click accrual reads
-- click_daily), and every index on clicks costs CPU on each of the redirect's inserts.
drop index clicks_offer_time;
