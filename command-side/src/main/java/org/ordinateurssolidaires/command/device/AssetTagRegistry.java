package org.ordinateurssolidaires.command.device;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set-based check behind {@link DeviceRule#ASSET_TAG_UNIQUE}: a table of the asset tags in use, kept by a
 * subscribing processor in the same transaction as the events, so a tag is claimed exactly when its device is
 * stored. The primary key settles a race between two receptions of the same tag: the second one waits for the
 * first to commit, finds the tag claimed, and is refused under the same rule.
 */
@Component
@ProcessingGroup(AssetTagRegistry.PROCESSING_GROUP)
public class AssetTagRegistry {

    static final String PROCESSING_GROUP = "asset-tag-registry";

    private final JdbcTemplate jdbc;

    AssetTagRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isTaken(AssetTag assetTag) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from asset_tag_registry where asset_tag = ?)", Boolean.class, assetTag.value()));
    }

    @EventHandler
    void on(DeviceReceived event) {
        int claimed = jdbc.update("insert into asset_tag_registry (asset_tag, device_id) values (?, ?)"
                + " on conflict do nothing", event.assetTag().value(), event.deviceId().value());
        if (claimed == 0) {
            throw new RuleViolation(DeviceRule.ASSET_TAG_UNIQUE,
                    "asset tag " + event.assetTag() + " was claimed by another device a moment ago");
        }
    }
}
