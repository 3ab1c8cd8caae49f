package org.ordinateurssolidaires.command.web;

import jakarta.validation.constraints.Size;
import org.ordinateurssolidaires.events.AcceptableText;
import org.ordinateurssolidaires.web.PlausibleTime;
import org.ordinateurssolidaires.web.StrictValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;

/**
 * What goes into an event stays there for good, and every read model must be able to store it. Request bodies
 * are therefore read strictly: text as {@link AcceptableText#ONE_LINE} allows, or {@link AcceptableText#MULTI_LINE}
 * for a field marked {@link MultiLineText} (every string field bounded, even without a {@code @Size} of its own),
 * dates and times only as ISO-8601 text within {@link PlausibleTime} (a number such as {@code 1e300} would
 * otherwise be read silently as some instant in 1970), and ids only in their 8-4-4-4-12 form, as in an address
 * (Jackson's own reading takes 24 characters of Base64 for one too). An enum's value is its name, never its place
 * in the list ({@code spring.jackson.datatype.enum.fail-on-numbers-for-enums}).
 */
@Configuration
class StrictRequestJson {

    /** Spring Boot adds every Jackson module bean to the REST JSON mapper (not to the events' own mapper). */
    @Bean
    JacksonModule strictRequestValues() {
        return new SimpleModule("strict-request-values")
                .setDeserializerModifier(new ListsWithinTheirSize())
                .addDeserializer(String.class, new PlainText())
                .addDeserializer(UUID.class, new CanonicalId())
                .addDeserializer(Instant.class, new IsoTime<>(Instant.class, PlausibleTime::instant, PlausibleTime.EARLIEST,
                        PlausibleTime.LATEST, "2026-03-02T09:15:00Z"))
                .addDeserializer(LocalDate.class, new IsoTime<>(LocalDate.class, LocalDate::parse,
                        PlausibleTime.EARLIEST_DAY, PlausibleTime.LATEST_DAY, "2026-03-02"));
    }

    /**
     * A list no longer than its {@code @Size} allows, refused as soon as it is read: validated, each of 200,000 empty
     * media was checked for the answer to list the first 100 (4 s of a core for one request).
     */
    private static final class ListsWithinTheirSize extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                 BeanDescription.Supplier description,
                                                                 ValueDeserializer<?> deserializer) {
            return new BoundedList(deserializer, Integer.MAX_VALUE);
        }
    }

    private static final class BoundedList extends DelegatingDeserializer {

        private final int most;

        BoundedList(ValueDeserializer<?> list, int most) {
            super(list);
            this.most = most;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> list) {
            return new BoundedList(list, most);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ValueDeserializer<?> contextual = super.createContextual(context, property);
            Size size = property == null ? null : property.getAnnotation(Size.class);
            return size == null || !(contextual instanceof BoundedList bounded) ? contextual
                    : new BoundedList(bounded.getDelegatee(), size.max());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object list = super.deserialize(parser, context);
            if (list instanceof Collection<?> elements && elements.size() > most) {
                throw InvalidFormatException.from(parser, "must hold at most " + most + " elements",
                        elements.size() + " elements", Collection.class);
            }
            return list;
        }
    }

    /**
     * One line unless the field says it may hold several ({@link MultiLineText}); tidied as a page's form has it
     * ({@link AcceptableText#tidied}: "  Mutuelle du Clain  " was kept so, and listed first among the donors), unless
     * it is a {@link Secret}, whose every character counts.
     */
    private static final class PlainText extends StdScalarDeserializer<String> {

        private final AcceptableText rule;
        private final boolean stripped;

        PlainText() {
            this(AcceptableText.ONE_LINE, true);
        }

        private PlainText(AcceptableText rule, boolean stripped) {
            super(String.class);
            this.rule = rule;
            this.stripped = stripped;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            if (property == null) {
                return this;
            }
            return new PlainText(property.getAnnotation(MultiLineText.class) != null ? AcceptableText.MULTI_LINE
                    : AcceptableText.ONE_LINE, property.getAnnotation(Secret.class) == null);
        }

        /** Text only: a number or a boolean where text is meant is refused, not turned into its digits. */
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = StringDeserializer.instance.deserialize(parser, context);
            var problem = rule.problem(text);
            if (problem.isPresent()) {
                throw InvalidFormatException.from(parser, problem.get(), text, String.class);
            }
            return stripped ? AcceptableText.tidied(text) : text;
        }
    }

    /** An id as text in its canonical form only ({@link StrictValues#uuid}). */
    private static final class CanonicalId extends StdScalarDeserializer<UUID> {

        CanonicalId() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (UUID) context.handleUnexpectedToken(UUID.class, parser);
            }
            String text = parser.getString();
            try {
                return StrictValues.uuid(text);
            } catch (IllegalArgumentException notAnId) {
                throw InvalidFormatException.from(parser, notAnId.getMessage(), text, UUID.class);
            }
        }
    }

    /** Dates and instants as ISO-8601 text only, and none outside {@link PlausibleTime}. */
    private static final class IsoTime<T extends Comparable<? super T>> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;
        private final T earliest;
        private final T latest;
        private final String example;

        IsoTime(Class<T> type, Function<String, T> parse, T earliest, T latest, String example) {
            super(type);
            this.parse = parse;
            this.earliest = earliest;
            this.latest = latest;
            this.example = example;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeParseException notIso) {
                throw InvalidFormatException.from(parser, "expected ISO-8601, such as " + example, text, handledType());
            }
            if (value.compareTo(earliest) < 0) {
                throw InvalidFormatException.from(parser, "must not be before " + earliest, text, handledType());
            }
            if (value.compareTo(latest) > 0) {
                throw InvalidFormatException.from(parser, "must not be after " + latest, text, handledType());
            }
            return value;
        }
    }
}
