-- The workshop's flow, kept as the devices reach their milestones (WorkshopFigures) rather than worked out over a
-- year of devices at each dashboard: months are first days of months in the programme's time zone. Filled from the
-- devices an installation already has by the next migration (WorkshopFiguresFirstFill), which knows the zone.
create table workshop_month (
    month_start date        not null,
    milestone   varchar(20) not null,
    devices     bigint      not null,
    primary key (month_start, milestone)
);

-- of the devices received in a month, how many have reached each milestone since
create table workshop_cohort (
    received_month date        not null,
    milestone      varchar(20) not null,
    devices        bigint      not null,
    primary key (received_month, milestone)
);

-- how many devices took each step in so many hours, by the month the step ended: the lead times' histogram
create table workshop_lead_time (
    month_start    date        not null,
    from_milestone varchar(20) not null,
    to_milestone   varchar(20) not null,
    hours          bigint      not null,
    devices        bigint      not null,
    primary key (month_start, from_milestone, to_milestone, hours)
);
