package org.ordinateurssolidaires.events.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantsAsWrittenTest {

    /** From year 0 to 9999: the years {@link Instant#toString()} writes with four digits. */
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private final ObjectMapper events = EventSerialization.objectMapper();

    @Test
    void readsEveryInstantAsWrittenAsTheGeneralParserDoes() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            // whole seconds, milli-, micro- and nanoseconds: the four lengths toString() writes
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST, LAST + 1), nanos);
            String written = instant.toString();

            assertThat(InstantsAsWritten.utc(written)).as(written).isEqualTo(instant)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(written, Instant::from));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30T10:15:30.1Z", "2026-11-30T10:15:30.12Z", "2026-11-30T10:15:30.1234Z",
            "2026-11-30T10:15:30.12345Z", "2026-11-30T10:15:30.1234567Z", "2026-11-30T10:15:30.12345678Z",
            "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z"})
    void readsAnyNumberOfDigitsOfASecondAsTheGeneralParserDoes(String written) {
        assertThat(InstantsAsWritten.utc(written))
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(written, Instant::from));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30T11:15:30+01:00", "2026-11-30T10:15:30z", "2026-11-30T10:15:30",
            "2016-12-31T23:59:60Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-11-30 10:15:30Z",
            "2026-11-30T10:15:30.Z", "2026-11-30T10:15:30.1234567890Z", "2026-11-30T10:15:30,5Z",
            "2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-30T24:00:00Z", "2026-11-30T10:60:00Z",
            "2026-1a-30T10:15:30Z", "٢٠٢٦-11-30T10:15:30Z", "", "2026-11-30"})
    void leavesAnyOtherFormToTheGeneralParser(String text) {
        assertThat(InstantsAsWritten.utc(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-30T10:15:30.123Z\"", "\"2026-11-30T11:15:30.123+01:00\"", "1764497730.123",
            "\"2016-12-31T23:59:60Z\""})
    void theEventsMapperReadsEachFormAsJacksonDoes(String json) throws Exception {
        ObjectMapper jacksonAlone = JsonMapper.builder().addModule(new JavaTimeModule()).build();

        assertThat(events.readValue(json, Instant.class)).isEqualTo(jacksonAlone.readValue(json, Instant.class));
    }

    @Test
    void theEventStoresSerializerReadsInstantsThisWay() throws Exception {
        // Axon registers a JavaTimeModule of its own on the mapper it is given: a second one is ignored
        ObjectMapper axons = ((JacksonSerializer) EventSerialization.serializer()).getObjectMapper();
        var context = ((DefaultDeserializationContext) axons.getDeserializationContext())
                .createDummyInstance(axons.getDeserializationConfig());

        assertThat(context.findRootValueDeserializer(axons.constructType(Instant.class)))
                .isInstanceOf(InstantsAsWritten.class);
    }

    @Test
    void anImpossibleDateIsRefusedAsJacksonRefusesIt() {
        assertThatThrownBy(() -> events.readValue("\"2026-02-30T10:15:30Z\"", Instant.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("2026-02-30T10:15:30Z");
    }
}
