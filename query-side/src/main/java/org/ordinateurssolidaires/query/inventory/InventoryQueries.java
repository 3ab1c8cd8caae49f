package org.ordinateurssolidaires.query.inventory;

import org.ordinateurssolidaires.events.device.DeviceCategory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The questions the inventory answers, and the shapes of its answers. */
public final class InventoryQueries {

    private InventoryQueries() {
    }

    /** Devices matching every filter given (a null filter matches all), ordered by asset tag. */
    public record FindDevices(DeviceState state, UUID donorId, DeviceCategory category, int page, int size) {
    }

    public record DevicePage(List<InventoryDevice> devices, int page, int size, long totalDevices, int totalPages) {
    }

    public record FetchDevice(UUID deviceId) {
    }

    public record CountDevices() {
    }

    /** Counts for the dashboard; every state and category appears, with zero where there are none. */
    public record DeviceCounts(long total, Map<DeviceState, Long> byState, Map<DeviceCategory, Long> byCategory) {
    }
}
