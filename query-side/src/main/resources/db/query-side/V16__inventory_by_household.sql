-- The devices allocated or handed over to one household (its referral): the hand-over form and its receipt.
create index inventory_device_referral on inventory_device (referral_id, asset_tag);
