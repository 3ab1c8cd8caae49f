package org.ordinateurssolidaires.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What goes into an event stays there for good, and every read model must be able to store it. Request bodies
 * are therefore read strictly: text without control characters, and times only as ISO-8601 instants of this
 * era (a number such as {@code 1e300} would otherwise be read silently as some instant in 1970).
 */
@Configuration
class StrictRequestJson {

    static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2000-01-01T00:00:00Z");

    /** Spring Boot adds every Jackson module bean to the REST object mapper (not to the events' own mapper). */
    @Bean
    Module strictRequestValues() {
        return new SimpleModule("strict-request-values")
                .addDeserializer(String.class, new PlainText())
                .addDeserializer(Instant.class, new IsoInstant());
    }

    private static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.chars().anyMatch(PlainText::isForbidden)) {
                throw InvalidFormatException.from(parser, "control characters are not allowed", text, String.class);
            }
            return text;
        }

        /** Tabs and line breaks are fine in notes; other control characters break databases and reports. */
        private static boolean isForbidden(int character) {
            return (character < 0x20 && character != '\t' && character != '\n' && character != '\r')
                    || character == 0x7f;
        }
    }

    private static final class IsoInstant extends StdScalarDeserializer<Instant> {

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            Instant instant;
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException notIso) {
                throw InvalidFormatException.from(parser,
                        "expected an ISO-8601 instant such as 2026-03-02T09:15:00Z", text, Instant.class);
            }
            if (instant.isBefore(EARLIEST_PLAUSIBLE)) {
                throw InvalidFormatException.from(parser, "must not be before " + EARLIEST_PLAUSIBLE, text,
                        Instant.class);
            }
            return instant;
        }
    }
}
