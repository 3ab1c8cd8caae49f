package org.ordinateurssolidaires.events.device;

/** Every fact about a device names it first: events of one device are handled in order, by id. */
public interface DeviceEvent {

    DeviceId deviceId();
}
