-- How many devices are in each state, by category: the dashboard's figures and the inventory's totals, kept as the
-- devices change (InventoryCounts) rather than counted over every device at each request. Filled here from the
-- devices an installation already has, so that its figures are right from the first start.
create table inventory_count (
    state    varchar(30) not null,
    category varchar(20) not null,
    devices  bigint      not null,
    primary key (state, category)
);

insert into inventory_count (state, category, devices)
select state, category, count(*) from inventory_device group by state, category;
