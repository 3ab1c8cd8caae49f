package org.ordinateurssolidaires.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span every date and moment that comes in must fall within, whichever way it comes (JSON, a page's form, a
 * batch file's cell, a query parameter): the programme's own time. Before it, a typing slip or a spreadsheet's empty
 * date read as 1900 or year 1; after it, a year typed with too many digits (9999-12-31), which the pages would list.
 */
public final class PlausibleTime {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");
    public static final LocalDate EARLIEST_DAY = LocalDate.ofInstant(EARLIEST, ZoneOffset.UTC);
    public static final LocalDate LATEST_DAY = LocalDate.ofInstant(LATEST, ZoneOffset.UTC);

    /**
     * An instant as clocks and clients write it: a year of four digits, the time to the second (its hour and its
     * seconds captured), UTC or an offset of hours and minutes; {@code t} and {@code z} as {@link Instant#parse} reads
     * them. {@link Instant#parse} also reads a signed year of six digits ({@code +002026}) and an offset with seconds
     * ({@code +00:00:30}), which no one writes, and which a query's parameter did not take.
     */
    private static final Pattern WRITTEN = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt](\\d{2}):\\d{2}:(\\d{2})(?:\\.\\d{1,9})?(?:[Zz]|[+-]\\d{2}:\\d{2})");

    private PlausibleTime() {
    }

    /**
     * The instant an ISO-8601 text names, as {@link Instant#parse} reads it but for its leniencies: {@code 24:00}
     * (the next day's midnight), a leap second's {@code :60} (read as {@code :59}, the text silently altered), and the
     * forms no one writes ({@link #WRITTEN}). No clock of the programme writes any of them; each is refused as not
     * an instant.
     *
     * @throws DateTimeParseException for those and for anything {@link Instant#parse} refuses
     */
    public static Instant instant(String text) {
        Matcher written = WRITTEN.matcher(text);
        if (!written.matches()) {
            throw new DateTimeParseException("not an instant as written: 2026-03-02T09:00:00Z", text, 0);
        }
        if ("24".equals(written.group(1)) || "60".equals(written.group(2))) {
            throw new DateTimeParseException("24:00 and leap seconds are not read", text, written.start(1));
        }
        return Instant.parse(text);
    }

    public static boolean contains(Instant moment) {
        return !moment.isBefore(EARLIEST) && !moment.isAfter(LATEST);
    }

    public static boolean contains(LocalDate day) {
        return !day.isBefore(EARLIEST_DAY) && !day.isAfter(LATEST_DAY);
    }

    /** A moment given as a query parameter, held to the span as a JSON one is. */
    @Documented
    @Constraint(validatedBy = Within.Check.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Within {

        String message() default "must be between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<Within, Instant> {

            @Override
            public boolean isValid(Instant moment, ConstraintValidatorContext context) {
                return moment == null || contains(moment);
            }
        }
    }
}
