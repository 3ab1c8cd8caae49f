-- What the donor's report and certificate show for each sanitised medium, besides level and technique.
alter table inventory_medium add column sanitisation_tool varchar(100);
alter table inventory_medium add column sanitisation_tool_version varchar(50);
alter table inventory_medium add column verification_method varchar(20);
alter table inventory_medium add column sanitisation_operator varchar(100);
alter table inventory_medium add column tool_report_sha256 varchar(64);
