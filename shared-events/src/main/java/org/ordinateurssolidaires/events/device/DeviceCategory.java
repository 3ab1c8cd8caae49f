package org.ordinateurssolidaires.events.device;

/** What kind of computer a device is; households ask for one of these. */
public enum DeviceCategory {
    LAPTOP,
    DESKTOP,
    TABLET
}
