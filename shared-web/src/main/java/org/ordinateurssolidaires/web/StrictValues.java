package org.ordinateurssolidaires.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Identifiers and whole numbers read from a path, a query, a form or a header as strictly as from a JSON body. Spring's
 * own readings are lenient where the JSON reading is not: {@link UUID#fromString} takes {@code 1-2-3-4-5} for
 * {@code 00000001-0002-0003-0004-000000000005} (an unknown device answered 404 under another id, two idempotency keys
 * taken for one), and a number may be written in hexadecimal ({@code page=0x10}, {@code #10}) or with a sign and
 * spaces around it. Each value is written one way only; anything else is refused as not of its type (400).
 * <p>
 * Registered as the binders' editors of these types ({@link #register(PropertyEditorRegistry)}), not only as
 * conversions: a binder whose conversion fails falls back to its default editor, which is lenient.
 */
@ControllerAdvice
public final class StrictValues {

    /** The canonical form: 32 hexadecimal digits as 8-4-4-4-12, in either case. */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Decimal digits, a minus sign before them at most. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Function<String, Integer> INT = wholeNumber(Integer::valueOf, Integer.MIN_VALUE,
            Integer.MAX_VALUE);
    private static final Function<String, Long> LONG = wholeNumber(Long::valueOf, Long.MIN_VALUE, Long.MAX_VALUE);

    /** @throws IllegalArgumentException for anything but the canonical form */
    public static UUID uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID in its 8-4-4-4-12 form");
        }
        return UUID.fromString(text);
    }

    /**
     * A whole number as the apps read one everywhere: decimal digits, a minus sign before them at most (not
     * {@code +5}, nor another script's digits, which {@link Integer#valueOf} takes).
     *
     * @throws IllegalArgumentException for anything else, or beyond an int ({@link OutOfRange})
     */
    public static Integer wholeNumber(String text) {
        return INT.apply(text);
    }

    /** Every binder of the apps' operations: their parameters, paths and searches. */
    @InitBinder
    void strictly(WebDataBinder binder) {
        register(binder);
    }

    /** In place of the binder's own editors of the same types; an empty value stays none, as Spring's does. */
    public static void register(PropertyEditorRegistry binder) {
        binder.registerCustomEditor(UUID.class, editor(StrictValues::uuid));
        for (Class<?> type : new Class<?>[]{Integer.class, int.class}) {
            binder.registerCustomEditor(type, editor(INT));
        }
        for (Class<?> type : new Class<?>[]{Long.class, long.class}) {
            binder.registerCustomEditor(type, editor(LONG));
        }
    }

    /** The same, for a conversion service used on its own. */
    public static void register(FormatterRegistry conversions) {
        conversions.addConverter(String.class, UUID.class, noneIfEmpty(StrictValues::uuid)::apply);
        conversions.addConverter(String.class, Integer.class, noneIfEmpty(INT)::apply);
        conversions.addConverter(String.class, Long.class, noneIfEmpty(LONG)::apply);
    }

    /** @param least, most what its type holds: one written right but beyond it is said to be so */
    private static <N extends Number> Function<String, N> wholeNumber(Converter<String, N> parse, long least,
                                                                      long most) {
        return text -> {
            if (!WHOLE_NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException("not a whole number in decimal digits");
            }
            try {
                return parse.convert(text);
            } catch (NumberFormatException beyondItsType) {
                throw new OutOfRange(least, most);
            }
        };
    }

    /**
     * A whole number written right, but beyond what its type holds ({@code page=1099511627776}): said so, with the
     * bounds its operation sets ({@link #expected(Min, Max)}) where it sets them, rather than its type's.
     */
    public static final class OutOfRange extends IllegalArgumentException {

        private final long least;
        private final long most;

        OutOfRange(long least, long most) {
            super(range(least, most));
            this.least = least;
            this.most = most;
        }

        /** The range the value must be in: the declared bounds, either of them the type's where none is declared. */
        public String expected(Min min, Max max) {
            return range(min == null ? least : Math.max(least, min.value()),
                    max == null ? most : Math.min(most, max.value()));
        }

        private static String range(long least, long most) {
            return "must be a whole number from " + least + " to " + most;
        }
    }

    private static <T> Function<String, T> noneIfEmpty(Function<String, T> parse) {
        return text -> text.isEmpty() ? null : parse.apply(text);
    }

    private static PropertyEditorSupport editor(Function<String, ?> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(noneIfEmpty(parse).apply(text));
            }
        };
    }
}
