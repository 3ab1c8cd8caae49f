package org.ordinateurssolidaires.command;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Map;

/** What a staff member's client sends with every command in these tests. */
public final class StaffRequests {

    public static final Map<String, Boolean> ALL_FOUR_COMMITMENTS = Map.of("freeForBeneficiary", true,
            "equipmentTraceability", true, "dataErasure", true, "handOverCeremony", true);

    private StaffRequests() {
    }

    public static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-User-Id", "camille");
        return headers;
    }
}
