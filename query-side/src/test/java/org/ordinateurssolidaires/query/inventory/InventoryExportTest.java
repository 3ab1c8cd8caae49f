package org.ordinateurssolidaires.query.inventory;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.query.erasure.AcceptedSanitisations;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesAfter;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.web.PageDates;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The inventory's export when reading the devices fails: before anything is sent, the failure is left to the error
 * handling (a status, not a file); after the first devices are sent, it is not swallowed, so the download is cut
 * short rather than finished as if it were whole. The export's ordinary way is in InventoryIT.
 */
class InventoryExportTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final PageDates dates = mock(PageDates.class);
    private final InventoryPages pages = new InventoryPages(queries, mock(StepsAlreadyRecorded.class),
            columnTitledByItsCode(), dates, new DevicePageAddresses(""), mock(AcceptedSanitisations.class),
            mock(ReadModelRebuilds.class));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @BeforeEach
    void momentsInIso() {
        when(dates.forASpreadsheet(any())).thenReturn(DateTimeFormatter.ISO_INSTANT);
    }

    @Test
    void aFailureBeforeTheFirstDevicesIsAnsweredAsAnError() {
        devicesAfter(null, CompletableFuture.failedFuture(new IllegalStateException("database out of reach")));

        assertThatThrownBy(() -> pages.export(null, DeviceState.READY, null, response, Locale.FRENCH))
                .hasRootCauseMessage("database out of reach");
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getContentType()).isNull();
    }

    /** The donors' names of the first devices are read before anything is sent too. */
    @Test
    void aFailureReadingTheFirstDonorsNamesIsAnsweredAsAnError() {
        devicesAfter(null, CompletableFuture.completedFuture(List.of(device("T-0001"), device("T-0002"))));
        when(queries.query(any(FetchDonorNames.class), eq(DonorNames.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("database out of reach")));

        assertThatThrownBy(() -> pages.export(null, DeviceState.READY, null, response, Locale.FRENCH))
                .hasRootCauseMessage("database out of reach");
        assertThat(response.isCommitted()).as("the error page can still be sent").isFalse();
    }

    @Test
    void aFailureAfterTheFirstDevicesCutsTheFileShort() throws Exception {
        List<DeviceView> firstPage = IntStream.range(0, 500).mapToObj(i -> device("T-%04d".formatted(i))).toList();
        devicesAfter(null, CompletableFuture.completedFuture(firstPage));
        devicesAfter("T-0499", CompletableFuture.failedFuture(new IllegalStateException("database out of reach")));
        when(queries.query(any(FetchDonorNames.class), eq(DonorNames.class)))
                .thenReturn(CompletableFuture.completedFuture(new DonorNames(Map.of())));

        assertThatThrownBy(() -> pages.export(null, DeviceState.READY, null, response, Locale.FRENCH))
                .hasRootCauseMessage("database out of reach");
        assertThat(response.getContentAsString()).doesNotContain("T-0499");
    }

    @Test
    void aShortPageEndsTheFile() throws Exception {
        devicesAfter(null, CompletableFuture.completedFuture(List.of(device("T-0001"), device("T-0002"))));
        when(queries.query(any(FetchDonorNames.class), eq(DonorNames.class)))
                .thenReturn(CompletableFuture.completedFuture(new DonorNames(Map.of())));

        pages.export(null, DeviceState.READY, null, response, Locale.FRENCH);

        assertThat(response.getContentType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(response.getContentAsString().lines()).hasSize(3).last().asString().startsWith("T-0002;READY");
    }

    private static StaticMessageSource columnTitledByItsCode() {
        var words = new StaticMessageSource();
        words.setUseCodeAsDefaultMessage(true);
        return words;
    }

    @SuppressWarnings("unchecked")
    private void devicesAfter(String assetTag, CompletableFuture<List<DeviceView>> answer) {
        when(queries.query(argThat((Object query) -> query instanceof FindDevicesAfter after
                && Objects.equals(after.afterAssetTag(), assetTag)), any(ResponseType.class)))
                .thenReturn((CompletableFuture) answer);
    }

    private static DeviceView device(String assetTag) {
        return new DeviceView(UUID.randomUUID(), assetTag, UUID.randomUUID(), "LIV-1", DeviceCategory.LAPTOP, "Dell",
                "Latitude", "SN", null, DeviceState.READY, Instant.EPOCH, Instant.EPOCH, null, null, null, null,
                List.of(), ErasureEvidence.NONE, null, 0);
    }
}
