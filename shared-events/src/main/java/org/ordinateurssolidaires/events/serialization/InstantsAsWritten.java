package org.ordinateurssolidaires.events.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the instants of the stored events. They are written as {@link Instant#toString()} writes them, in UTC
 * ({@code 2026-11-30T10:15:30.123Z}), and that form is read here digit by digit; any other form goes to Jackson's own
 * deserializer, which gives the same instants and the same errors. Jackson's parses every instant through the general
 * {@code DateTimeFormatter}, which took a fifth of the auditor's replay and of a read model's deserialization
 * (docs/benchmarks.md).
 */
final class InstantsAsWritten extends InstantDeserializer<Instant> {

    /** The shortest form, {@code 2026-11-30T10:15:30Z}: no fraction of a second. */
    private static final int WHOLE_SECONDS = 20;
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
            10, 1};

    /**
     * Jackson's own instant deserializer as {@code JavaTimeModule} has it with its default features: should the events'
     * mapper ever enable a {@code JavaTimeFeature}, this one must be given it too.
     */
    InstantsAsWritten() {
        super(InstantDeserializer.INSTANT, (Boolean) null);
    }

    @Override
    protected Instant _fromString(JsonParser parser, DeserializationContext context, String text) throws IOException {
        Instant instant = utc(text);
        return instant != null ? instant : super._fromString(parser, context, text);
    }

    /**
     * The instant {@code text} names in {@link Instant#toString()}'s form with four-digit years and up to nine
     * digits of a second; null for anything else, leap seconds and impossible dates included.
     */
    static Instant utc(String text) {
        int length = text.length();
        if (length < WHOLE_SECONDS || length == WHOLE_SECONDS + 1 || length > WHOLE_SECONDS + 1 + NANOS_PER_DIGIT.length
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > WHOLE_SECONDS && text.charAt(WHOLE_SECONDS - 1) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length == WHOLE_SECONDS ? 0 : digits(text, WHOLE_SECONDS, length - 1);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0) {
            return null;
        }
        int nanos = length == WHOLE_SECONDS ? 0 : fraction * NANOS_PER_DIGIT[length - 1 - WHOLE_SECONDS - 1];
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return null; // Jackson's deserializer says what is wrong with it
        }
    }

    /** The number the ASCII digits from {@code start} to {@code end} write, or -1. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
