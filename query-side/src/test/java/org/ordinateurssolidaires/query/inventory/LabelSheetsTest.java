package org.ordinateurssolidaires.query.inventory;

import com.lowagie.text.pdf.PdfReader;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.query.PdfText;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListedDevice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A label stays legible whatever the device's make and model, and names it as it was recorded. */
class LabelSheetsTest {

    /** A model of 100 characters, the most a device's may have. */
    private static final String MODEL = "ThinkPad X1 Carbon Gen 11 21HM-CTO1WW Core i7-1365U vPro 32 Go LPDDR5x 1 To"
                                        + " SSD écran 14 pouces OLED";
    private static final Pattern TEXT_SIZE = Pattern.compile("/F\\d+ ([\\d.]+) Tf");

    @Test
    void wrapsTheLongestModelOverLinesOfLegibleType() throws IOException {
        assertThat(MODEL).hasSize(100);
        byte[] pdf = labels(device("OS-2026-0042", "Lenovo", MODEL));

        assertThat(PdfText.of(pdf).replaceAll("\\s+", " "))
                .contains("OS-2026-0042", "Ordinateur portable Lenovo " + MODEL, "Ordinateurs solidaires");
        assertThat(textSizes(pdf)).isNotEmpty().allMatch(size -> size >= LabelSheets.SMALLEST);
    }

    @Test
    void endsWithAnEllipsisWhatNoLabelHasRoomFor() throws IOException {
        byte[] pdf = labels(device("OS-2026-0043", "Fabricant " + "X".repeat(90), MODEL));

        String text = PdfText.of(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("OS-2026-0043", "Ordinateur portable Fabricant XXX", "X… Ordinateurs solidaires")
                        .doesNotContain("OLED");
        assertThat(textSizes(pdf)).allMatch(size -> size >= LabelSheets.SMALLEST);
    }

    /** Found by an outside probe: a tag of 32 characters, the most a tag may have, was set at 4 points. */
    @Test
    void setsTheLongestTagsInLinesOfLegibleType() throws IOException {
        for (String tag : List.of("OS-2026-9020-" + "W".repeat(19), "OS-2026-" + "0".repeat(24), "W".repeat(32))) {
            assertThat(tag).hasSize(32);
            byte[] pdf = labels(device(tag, "Lenovo", "ThinkPad T480"));

            assertThat(PdfText.of(pdf).replaceAll("\\s+", "")).as(tag).contains(tag + "Ordinateurportable");
            assertThat(textSizes(pdf)).as(tag).isNotEmpty().allMatch(size -> size >= LabelSheets.SMALLEST);
        }
        assertThat(PdfText.of(labels(device("OS-2026-9020-" + "W".repeat(19), "Lenovo", "T480"))))
                .as("cut after a dash").containsPattern("OS-2026-\\s+9020-");
    }

    @Test
    void namesTheDeviceAsRecordedInAnyScript() throws IOException {
        String text = PdfText.of(labels(device("OS-2026-0044", "Łódź Ștefan", "Nguyễn Ωmega Борис 王")))
                .replaceAll("\\s+", " ");

        assertThat(text).contains("Ordinateur portable Łódź Ștefan Nguyễn Ωmega Борис [U+738B]");
    }

    private static byte[] labels(ListedDevice device) {
        return LabelSheets.of(List.of(device), listed -> "https://example.org/appareils/" + listed.deviceId(),
                listed -> "Ordinateur portable " + listed.manufacturer() + " " + listed.model(),
                "Ordinateurs solidaires");
    }

    private static ListedDevice device(String tag, String manufacturer, String model) {
        return new ListedDevice(UUID.randomUUID(), tag, UUID.randomUUID(), DeviceCategory.LAPTOP, manufacturer, model,
                DeviceState.READY, Instant.parse("2026-03-01T09:00:00Z"));
    }

    /** Every size text is set in on the first page, in points. */
    private static List<Float> textSizes(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            return TEXT_SIZE.matcher(new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1)).results()
                            .map(found -> Float.parseFloat(found.group(1))).toList();
        }
    }
}
