-- Quality settings per offer with brand defaults (issue 18). An offer's own setting wins; a null
-- one inherits the brand's default (quality_defaults), and a brand that set nothing gets the
-- server's (linkledger.quality.*).
--
-- Several conversions from one visitor in a short time: a count within a window of minutes
-- replaces the count per UTC day. Existing caps keep their meaning as a 24-hour window.
alter table offer_caps add column max_conversions_per_visitor integer;
alter table offer_caps add column visitor_window_minutes integer;
update offer_caps set max_conversions_per_visitor = max_conversions_per_visitor_day, visitor_window_minutes = 1440
where max_conversions_per_visitor_day is not null;
alter table offer_caps drop column max_conversions_per_visitor_day;
-- Least seconds between click and conversion (0: no minimum), and the clicks one visitor may make
-- on one member's link in a day before its clicks are flagged as spam.
alter table offer_caps add column min_seconds_to_convert integer;
alter table offer_caps add column max_clicks_per_visitor integer;

-- A brand's defaults for its offers' quality settings. Amounts are in minor units of `currency`
-- (the brand's default currency when they were set) and apply to offers in that currency only.
create table quality_defaults (
    brand_id                      uuid primary key references brands (id),
    currency                      char(3) not null,
    max_sale_minor                bigint,
    max_commission_minor          bigint,
    max_conversions_per_click     integer,
    max_conversions_per_visitor   integer,
    visitor_window_minutes        integer,
    pixel_review_above_minor      bigint,
    min_seconds_to_convert        integer,
    max_clicks_per_visitor        integer
);
