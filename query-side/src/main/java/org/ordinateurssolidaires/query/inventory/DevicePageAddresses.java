package org.ordinateurssolidaires.query.inventory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

/**
 * Where a label's QR code takes whoever scans it: the device's page at the programme's public address
 * ({@code ordinateurs.web.public-address}, the one people reach the pages at through the city's proxy), or, with
 * none set (one workstation on the embedded default), at the address the request for the labels came to. A label
 * stays stuck on a device for years: it must not carry the name of the workstation it was printed from, nor
 * whatever a caller put in its {@code Host} header.
 */
@Component
class DevicePageAddresses {

    private final URI publicAddress;

    DevicePageAddresses(@Value("${ordinateurs.web.public-address:}") String publicAddress) {
        this.publicAddress = publicAddress.isBlank() ? null : checked(publicAddress.strip());
    }

    String of(UUID deviceId) {
        UriComponentsBuilder pages = publicAddress == null ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUri(publicAddress);
        return pages.path("/appareils/{id}").buildAndExpand(deviceId).toUriString();
    }

    /** Refused at start-up, not on the first sheet printed: an address a phone could not open. */
    private static URI checked(String address) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException notAnAddress) {
            throw new IllegalArgumentException("ordinateurs.web.public-address is no address: " + address,
                    notAnAddress);
        }
        if (!Set.of("https", "http").contains(String.valueOf(uri.getScheme()).toLowerCase()) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ordinateurs.web.public-address must be the pages' address, "
                    + "http(s)://host[:port][/path], with no query, fragment or user: " + address);
        }
        return uri;
    }
}
