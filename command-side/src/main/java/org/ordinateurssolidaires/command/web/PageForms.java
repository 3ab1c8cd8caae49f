package org.ordinateurssolidaires.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.AcceptableText;
import org.ordinateurssolidaires.web.PlausibleTime;
import org.ordinateurssolidaires.web.StrictValues;
import org.ordinateurssolidaires.web.pages.FormDone;
import org.ordinateurssolidaires.web.pages.FormPages;
import org.ordinateurssolidaires.web.pages.FormRefusal;
import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;
import org.springframework.format.Formatter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pages' forms (docs/architecture.md, "Pages"). The pages live on the query side; their forms come here, and
 * each is bound to the request record the API validates, with the same validator, then sent as the same command:
 * a rule the API enforces, a form enforces. The answer is always a redirection (post, redirect, get): to the next
 * page when the step is recorded, back to the form with the reason when it is refused.
 */
@Component
public class PageForms {

    /**
     * The fields every page's form has besides its request's: its token, command id, own id and page. A step on one
     * device has the version the page showed of it too, which {@link CommandOriginResolver} takes.
     */
    private static final Set<String> EVERY_FORMS = Set.of("_csrf", CommandOriginResolver.FORM_FIELD, "form", "page");
    /** A form's fields refused as no page sends them: a field it has not, or one given twice. */
    private static final String UNKNOWN = "Unknown";
    private static final Set<String> NOT_THE_PAGES = Set.of(UNKNOWN, "Repeated");
    /**
     * The request attribute naming the form's fields typed back into a refused form: its request record's, but a
     * {@link SealedWhenStored} or {@link Secret} one. A field no page has is not (it would only fill the session).
     */
    private static final String TYPED_BACK = PageForms.class.getName() + ".typedBack";

    private final CommandDispatcher commands;
    private final Validator validator;
    /** The same validation, a field at a time. */
    private final jakarta.validation.Validator fieldValidator;
    private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    PageForms(CommandDispatcher commands, @Qualifier("mvcValidator") Validator validator,
              @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.commands = commands;
        this.validator = validator;
        this.fieldValidator = ((SmartValidator) validator).unwrap(jakarta.validation.Validator.class);
        conversions.addFormatterForFieldType(LocalDate.class, new Days());
        conversions.addFormatterForFieldType(Instant.class, new LocalTimes(zone));
        StrictValues.register(conversions);
    }

    /** The request record {@code type}, from the form's fields and the values the server {@code computed}. */
    public <T> T bind(Class<T> type, HttpServletRequest request, Map<String, ?> computed) {
        request.setAttribute(TYPED_BACK, Arrays.stream(type.getRecordComponents())
                .filter(component -> !component.isAnnotationPresent(SealedWhenStored.class)
                                     && !component.isAnnotationPresent(Secret.class))
                .map(RecordComponent::getName).collect(Collectors.toSet()));
        MapBindingResult refused = fieldRulesBroken(type, request, computed.keySet());
        if (refused.getFieldErrors().stream().anyMatch(error -> NOT_THE_PAGES.contains(error.getCode()))) {
            throw new FormRefused(refused); // not the page's form: nothing more to say of its values
        }
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(conversions);
        StrictValues.register(binder);
        binder.setBindingErrorProcessor(SPAN_NAMED);
        binder.setValidator(validator);
        // a field refused for its text (too long, a control character) is bound as not given: its own rules are not
        // made for text of any length, and the API's reader stops such text before them too
        Set<String> notRead = refused.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
        Set<String> secrets = Arrays.stream(type.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(Secret.class)).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        FormValues values = new FormValues(request, computed, notRead, secrets);
        try {
            binder.construct(values);
        } catch (BeansException | IllegalArgumentException | IndexOutOfBoundsException notThisPagesForm) {
            // a field no page has (storageMedia[5000].serialNumber, deviceIds[abc]): the whole form is refused
            throw new FileRefused("form.malformed", "the form's fields are not the page's: " + notThisPagesForm,
                    List.of());
        }
        if (binder.getBindingResult().hasErrors()) {
            eachFieldAlone(type, values, binder.getBindingResult(), refused);
        } else {
            binder.validate();
        }
        binder.getBindingResult().getAllErrors().stream() // of a field not read, what its rules say of its absence
              .filter(error -> !(error instanceof FieldError field && notRead.contains(field.getField())))
              .forEach(refused::addError);
        if (refused.hasErrors()) {
            throw new FormRefused(refused);
        }
        RequestsSent.keep(sentByThePage(binder.getTarget(), computed));
        return type.cast(binder.getTarget());
    }

    /**
     * A step dated as its form arrives, to the instant, for a decision taken as the form is sent (a referral's
     * acceptance or rejection): a moment the page drew, to the minute as a browser's field holds it, would fall
     * before a referral sent earlier in the same minute, and the decision be refused as dated before it. Bound as
     * the page's fields are, but no part of what the page sent.
     */
    public static Map<String, Instant> datedOnArrival(String field) {
        return Map.of(field, Instant.now());
    }

    /**
     * What the page sent, for {@link ProcessedCommands} to compare a form sent again with: the request record
     * without the moments the server dated it with ({@link #datedOnArrival}), which differ from one sending to the
     * next. A value the server computed from what the page sent (an uploaded report's digest) is part of it.
     */
    private static Map<String, Object> sentByThePage(Object form, Map<String, ?> computed) {
        Map<String, Object> sent = new LinkedHashMap<>();
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            if (!(computed.get(component.getName()) instanceof Instant)) {
                // the forms' records are their controllers' own, not public
                sent.put(component.getName(), ReflectionUtils.invokeMethod(
                        accessible(component.getAccessor()), form));
            }
        }
        return sent;
    }

    private static Method accessible(Method accessor) {
        ReflectionUtils.makeAccessible(accessor);
        return accessor;
    }

    /**
     * A form with no field of its own (a button: its command id and page only), held to the rules every form's
     * fields are, before its command is sent.
     */
    public void checkFieldless(HttpServletRequest request) {
        MapBindingResult refused = fieldRulesBroken(NoFields.class, request, Set.of());
        if (refused.hasErrors()) {
            throw new FormRefused(refused);
        }
    }

    private record NoFields() {
    }

    /**
     * A button's form (no field of its own): held to every form's rules ({@link #checkFieldless}), then {@code step}
     * runs and the browser goes to {@code page}, with {@code done} said there (or back with the refusal).
     */
    public String press(HttpServletRequest request, RedirectAttributes flash, String done, Runnable step,
                        String page) {
        return submit(request, flash, done, () -> {
            checkFieldless(request);
            step.run();
            return page;
        });
    }

    /**
     * The usual step of a page: binds the form to the API's request record {@code form}, sends the command
     * {@code command} makes of it, and goes to {@code page}, with {@code done} said there (or back with the refusal).
     */
    public <T> String send(HttpServletRequest request, RedirectAttributes flash, String done, Class<T> form,
                           Function<T, Object> command, CommandOrigin origin, String page) {
        return send(request, flash, done, form, Map.of(), command, origin, page);
    }

    /** The same, with fields the server gives rather than the page ({@code computed}, as {@link #bind} takes them). */
    public <T> String send(HttpServletRequest request, RedirectAttributes flash, String done, Class<T> form,
                           Map<String, ?> computed, Function<T, Object> command, CommandOrigin origin,
                           String page) {
        return submit(request, flash, done, () -> {
            commands.dispatch(command.apply(bind(form, request, computed)), origin);
            return page;
        });
    }

    /**
     * Runs {@code step} (binding its form and sending its command), then answers where the browser goes: the page
     * {@code step} names, with {@code done} said there, or the form's page with the refusal.
     */
    public String submit(HttpServletRequest request, RedirectAttributes flash, String done, Supplier<String> step) {
        return submitWithReport(request, flash, done, () -> new Next(step.get(), List.of()));
    }

    /** The same, for a step that has more to say than that it was recorded: {@link Next#lines()}. */
    public String submitWithReport(HttpServletRequest request, RedirectAttributes flash, String done,
                                   Supplier<Next> step) {
        try {
            Next next = step.get();
            flash.addFlashAttribute(FormDone.ATTRIBUTE, new FormDone(done, next.lines()));
            return "redirect:" + next.page();
        } catch (FormRefused refused) {
            flash.addFlashAttribute(FormRefusal.ATTRIBUTE, refusal(refused.fields(), request));
        } catch (FileRefused refused) {
            flash.addFlashAttribute(FormRefusal.ATTRIBUTE, FormRefusal.ofRule(refused.code, refused.getMessage(),
                    refused.lines, typed(request)));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute(FormRefusal.ATTRIBUTE, FormRefusal.ofRule("rule." + violation.rule().name(),
                    violation.getMessage(), List.of(), typed(request)));
        } catch (IdempotencyKeyReused sentAgainChanged) {
            // the same drawn form, sent once recorded and then again with other values (the browser's back button)
            flash.addFlashAttribute(FormRefusal.ATTRIBUTE, FormRefusal.ofRule("rule.FORM_SENT_AGAIN",
                    sentAgainChanged.getMessage(), List.of(), typed(request)));
        } catch (ConflictingAggregateVersionException changedSinceDrawn) {
            // the page is drawn again as it is now: what was typed on the older one is not put back into it, where
            // a form filled from the older state (a correction's) would undo the step in between if sent as is
            flash.addFlashAttribute(FormRefusal.ATTRIBUTE, FormRefusal.ofRule("rule.CHANGED_SINCE_DRAWN",
                    changedSinceDrawn.getMessage(), List.of(), whichForm(request)));
        } catch (UnknownEntity unknown) {
            // what was not found, in words, or at least that something was not
            flash.addFlashAttribute(FormRefusal.ATTRIBUTE, new FormRefusal(new DefaultMessageSourceResolvable(
                    new String[]{"rule.UNKNOWN." + unknown.kind(), "rule.UNKNOWN"}, unknown.getMessage()),
                    new LinkedHashMap<>(), new ArrayList<>(), typed(request)));
        } catch (AggregateNotFoundException unknown) {
            // what the form's address names: "Cette cérémonie n'existe pas" for /actions/ceremonies/{id}/...
            flash.addFlashAttribute(FormRefusal.ATTRIBUTE, new FormRefusal(new DefaultMessageSourceResolvable(
                    new String[]{"rule.UNKNOWN." + namedBy(request), "rule.UNKNOWN"},
                    unknown.getMessage()), new LinkedHashMap<>(), new ArrayList<>(), typed(request)));
        }
        return "redirect:" + FormPages.atTheRefusal(request);
    }

    /** What the forms under each {@code /actions/...} address name first, said when it does not exist. */
    private static final Map<String, UnknownEntity.Kind> NAMED_BY_FORMS = Map.of(
            "appareils", UnknownEntity.Kind.DEVICE, "ceremonies", UnknownEntity.Kind.CEREMONY,
            "livraisons", UnknownEntity.Kind.BATCH, "orientations", UnknownEntity.Kind.REFERRAL,
            "partenaires", UnknownEntity.Kind.PARTNER);

    private static String namedBy(HttpServletRequest request) {
        String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        UnknownEntity.Kind kind = path.length > 2 ? NAMED_BY_FORMS.get(path[2]) : null;
        return kind == null ? "" : kind.name();
    }

    /** Where the browser goes once a step is recorded, and what the step has to say, line by line. */
    public record Next(String page, List<String> lines) {
    }

    /** A file sent with a form (a delivery's CSV) refused, with each of its faults. */
    public static final class FileRefused extends RuntimeException {

        private final String code;
        private final List<DefaultMessageSourceResolvable> lines;

        /** @param lines each line at fault, with the codes the pages say it with and the API's words */
        public FileRefused(String code, String words, List<DefaultMessageSourceResolvable> lines) {
            super(words);
            this.code = code;
            this.lines = List.copyOf(lines);
        }
    }

    /**
     * Every field held to {@link AcceptableText} as the API holds a JSON body's: one line, unless the request record's
     * component says it may run over several ({@link MultiLineText}: notes, reasons, an address). And each field
     * given once, unless its component is a list (the devices handed over together): a second value is refused, as
     * the API refuses a key given twice, rather than joined to the first or dropped. A field the request record does
     * not have is refused too, as the API refuses one, and one the server gives ({@code computed}: a report's digest,
     * a decision's moment), which the page never sends. A file is sent once too: of two, only the first would be read.
     */
    private static MapBindingResult fieldRulesBroken(Class<?> type, HttpServletRequest request, Set<String> computed) {
        MapBindingResult refused = new MapBindingResult(new HashMap<>(), "form");
        request.getParameterMap().forEach((name, values) -> {
            RecordComponent component = component(type, name);
            // a list of plain values (the devices handed over) is sent as its name repeated, never by index: an
            // indexed one beside it (deviceIds[5]) would be dropped unread, alone it would bind gaps as nulls
            boolean versionTaken = name.equals(CommandOriginResolver.VERSION_FIELD)
                                   && request.getAttribute(CommandOriginResolver.VERSION_TAKEN) != null;
            if ((component == null && !EVERY_FORMS.contains(name) && !versionTaken) || computed.contains(name)
                || name.endsWith("]")) {
                // as the API refuses a field its request has not: a page's form has none
                refused.rejectValue(name, UNKNOWN, "is not a field of this form");
                return;
            }
            boolean aList = component != null && Collection.class.isAssignableFrom(component.getType());
            if (values.length > 1 && !aList) {
                refused.rejectValue(name, "Repeated", "is given more than once");
                return;
            }
            AcceptableText rule = component != null && component.isAnnotationPresent(MultiLineText.class)
                    ? AcceptableText.MULTI_LINE : AcceptableText.ONE_LINE;
            Arrays.stream(values).filter(value -> rule.problem(value).isPresent()).findFirst()
                  .ifPresent(value -> refused.rejectValue(name,
                          rule.ruleBroken(value), rule.problem(value).get()));
        });
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getMultiFileMap().forEach((name, files) -> {
                if (files.size() > 1) {
                    refused.rejectValue(name, "Repeated", "is given more than once");
                }
            });
        }
        return refused;
    }

    /**
     * One field that is not of its type ({@code date=2026-13-01}) leaves no record to validate: each other field of
     * a plain type is validated alone, a list's rows' too ({@code storageMedia[0].capacityGigabytes=-5} beside
     * {@code storageMedia[1].capacityGigabytes=abc}), so that the refusal names every field at fault at once, as the
     * API's does. A rule about several fields ({@code @AssertTrue}) waits for a record, and so does a row's field
     * left empty.
     */
    private void eachFieldAlone(Class<?> type, FormValues values, BindingResult notBound, MapBindingResult refused) {
        Stream.concat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName),
                      values.getNames().stream().filter(name -> name.contains("."))).distinct().forEach(field -> {
            RecordComponent component = component(type, field);
            if (component == null || notBound.hasFieldErrors(field) || refused.hasFieldErrors(field)
                || !plain(component.getType())) {
                return;
            }
            Object typed = values.resolveValue(field, component.getType());
            if (!(typed == null || typed instanceof String)) {
                return;
            }
            Object value;
            try {
                value = typed == null ? null : conversions.convert(typed, component.getType());
            } catch (ConversionException notOfItsType) {
                return; // the binder said so already
            }
            fieldValidator.validateValue(component.getDeclaringRecord(), component.getName(), value).forEach(
                    violation -> refused.rejectValue(field,
                            violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                            violation.getMessage()));
        });
    }

    private static boolean plain(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type)
               || Number.class.isAssignableFrom(type) || type == Boolean.class || type == UUID.class
               || Temporal.class.isAssignableFrom(type);
    }

    /** The record component a form field names ({@code storageMedia[0].serialNumber}); null for none. */
    private static RecordComponent component(Class<?> type, String field) {
        Class<?> current = type;
        RecordComponent component = null;
        for (String part : field.replaceAll("\\[\\d+]", "").split("\\.")) {
            component = current == null || !current.isRecord() ? null : Arrays.stream(current.getRecordComponents())
                    .filter(candidate -> candidate.getName().equals(part)).findFirst().orElse(null);
            if (component == null) {
                return null;
            }
            current = elementType(component);
        }
        return component;
    }

    /** A component's type, or its elements' for a list of records. */
    private static Class<?> elementType(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType list
            && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return component.getType();
    }

    private static FormRefusal refusal(BindingResult fields, HttpServletRequest request) {
        // a field no page has (its name typed by hand, or one the server gives): the form is not the page's, and its
        // name is not said back on the page, where it would be a sender's words in the programme's (an outside probe)
        if (fields.getFieldErrors().stream().anyMatch(error -> UNKNOWN.equals(error.getCode()))) {
            return FormRefusal.ofRule("form.malformed", "the form's fields are not the page's", List.of(),
                    typed(request));
        }
        LinkedHashMap<String, DefaultMessageSourceResolvable> reasons = new LinkedHashMap<>();
        // in the form's order, as its fields were sent: a validator reports them in no order at all
        List<String> sent = Collections.list(request.getParameterNames());
        Set<String> refused = fields.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
        for (FieldError error : fields.getFieldErrors().stream()
                                      .filter(error -> !missingForItsOwnFields(error, refused))
                                      .sorted(Comparator.comparingInt(error -> placeIn(sent, error.getField())))
                                      .toList()) {
            reasons.putIfAbsent(error.getField(), new DefaultMessageSourceResolvable(error.getCodes(),
                    Arrays.stream(error.getArguments() == null ? new Object[0] : error.getArguments())
                          .filter(argument -> !(argument instanceof DefaultMessageSourceResolvable))
                          .map(String::valueOf).toArray(), error.getDefaultMessage()));
        }
        // a name hiding a character (one kept before the rule, prefilled in a correction) shows where it hides
        Set<String> hiding = fields.getFieldErrors().stream().filter(error -> "NothingHidden".equals(error.getCode()))
                                   .map(FieldError::getField).collect(Collectors.toSet());
        LinkedHashMap<String, String> typed = typed(request);
        typed.replaceAll((field, value) -> hiding.contains(field) ? NothingHidden.Checked.shown(value) : value);
        return new FormRefusal(null, reasons, new ArrayList<>(), typed);
    }

    /**
     * A group of fields said to be missing (the household's person) because one of its own was refused, and said so
     * beside it ("Nom : caractère non accepté ici"): the group was sent, the line "Personne à contacter :
     * obligatoire" beside it would be wrong.
     */
    private static boolean missingForItsOwnFields(FieldError error, Set<String> refused) {
        return "NotNull".equals(error.getCode())
               && refused.stream().anyMatch(field -> field.startsWith(error.getField() + ".")
                                                     || field.startsWith(error.getField() + "["));
    }

    /** Where the field's value (or a row's first) was sent among the form's; a field not sent, after them all. */
    private static int placeIn(List<String> sent, String field) {
        for (int place = 0; place < sent.size(); place++) {
            String name = sent.get(place);
            if (name.equals(field) || name.startsWith(field + ".") || name.startsWith(field + "[")) {
                return place;
            }
        }
        return sent.size();
    }

    /** Which of the page's forms was sent, without what was typed in it. */
    private static Map<String, String> whichForm(HttpServletRequest request) {
        Map<String, String> typed = typed(request);
        typed.keySet().retainAll(Set.of("form"));
        return typed;
    }

    /**
     * What was typed, to fill the form again, its control characters shown as such; never a secret (the CSRF token,
     * a password), a file, or a person's data: the refusal is kept in the session, in the database, and a
     * beneficiary's data is only ever stored sealed (it is typed again).
     */
    private static LinkedHashMap<String, String> typed(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Set<String> typedBack = request.getAttribute(TYPED_BACK) instanceof Set<?> fields
                ? (Set<String>) fields : Set.of();
        return request.getParameterMap().entrySet().stream()
                      .filter(field -> field.getKey().equals("form") // which of the page's forms it was
                                       || typedBack.contains(field.getKey().split("[.\\[]", 2)[0]))
                      .collect(Collectors.toMap(Map.Entry::getKey, field -> AcceptableText.MULTI_LINE.refusedShown(
                                      atMostTheLongest(String.join(",", field.getValue()))),
                              (first, second) -> first, LinkedHashMap::new));
    }

    /** A value typed back as far as any field takes (the rest was refused with it, and would only fill the session). */
    private static String atMostTheLongest(String typed) {
        return typed.length() <= AcceptableText.DEFAULT_MAX_LENGTH ? typed
                : typed.substring(0, AcceptableText.DEFAULT_MAX_LENGTH);
    }

    /**
     * A form's field refused by the request record's rules (or not of its type), or by a rule of its own that the
     * record alone cannot check ({@link #field}): 400 naming it to the API, said beside its field on a page.
     */
    public static final class FormRefused extends RuntimeException {

        private final transient BindingResult fields;

        FormRefused(BindingResult fields) {
            super("form refused: " + fields.getErrorCount() + " fields");
            this.fields = fields;
        }

        /** The field {@code name} refused under the constraint {@code code} (the pages' words), as {@code words}. */
        public static FormRefused field(String name, String code, String words) {
            MapBindingResult refused = new MapBindingResult(new HashMap<>(), "form");
            refused.rejectValue(name, code, words);
            return new FormRefused(refused);
        }

        BindingResult fields() {
            return fields;
        }
    }

    /**
     * The form's fields, as the request record's constructor names them, and what the server computed; those
     * {@code notRead} as if not given; each without the spaces around it, as the API reads a JSON body's, but the
     * {@code secrets} (a password), whose every character counts.
     */
    private record FormValues(HttpServletRequest request, Map<String, ?> computed, Set<String> notRead,
                              Set<String> secrets) implements ServletRequestDataBinder.ValueResolver {

        @Override
        public Object resolveValue(String name, Class<?> type) {
            if (computed.containsKey(name)) {
                return computed.get(name);
            }
            String[] values = request.getParameterValues(name);
            if (values == null || notRead.contains(name) || (values.length == 1 && values[0].isBlank())) {
                return null; // a field left empty is a value not given, as an absent JSON property
            }
            String[] read = secrets.contains(name) ? values
                    : Arrays.stream(values).map(AcceptableText::tidied).toArray(String[]::new);
            return read.length == 1 ? read[0] : read;
        }

        @Override
        public Set<String> getNames() {
            // a field left empty is not named: a row of the form left blank (a second medium) is not one
            Set<String> names = request.getParameterMap().entrySet().stream()
                                       .filter(field -> Arrays.stream(field.getValue()).anyMatch(v -> !v.isBlank())
                                                        && !notRead.contains(field.getKey()))
                                       .map(Map.Entry::getKey)
                                       .collect(Collectors.toCollection(HashSet::new));
            names.addAll(computed.keySet());
            return names;
        }
    }

    /**
     * A browser's date and time field has no zone: it is the programme's local time; an instant is taken too. Held
     * to the API's span ({@link PlausibleTime}): a year 1 or 1000000000 is a slip, refused. A time the clocks skip
     * (02:30 on the last Sunday of March in Paris) is none, refused rather than moved an hour on; a time they pass
     * twice (02:30 on the last Sunday of October) is taken the first time, in summer time, as {@code atZone} does.
     */
    private record LocalTimes(ZoneId zone) implements Formatter<Instant> {

        @Override
        public Instant parse(String text, Locale locale) {
            Instant moment;
            try {
                moment = PlausibleTime.instant(text);
            } catch (DateTimeParseException notAnInstant) {
                LocalDateTime local = LocalDateTime.parse(text);
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    throw new IllegalArgumentException("a time the clocks skip in " + zone + ": " + text);
                }
                moment = local.atZone(zone).toInstant();
            }
            if (!PlausibleTime.contains(moment)) {
                throw new OutsideTheSpan(text);
            }
            return moment;
        }

        @Override
        public String print(Instant instant, Locale locale) {
            return instant.toString();
        }
    }

    /** A day or a moment that is one, but outside the programme's span ({@link PlausibleTime}). */
    private static final class OutsideTheSpan extends IllegalArgumentException {

        OutsideTheSpan(String text) {
            super("not between " + PlausibleTime.EARLIEST_DAY + " and " + PlausibleTime.LATEST_DAY + ": " + text);
        }
    }

    /**
     * A date outside the span said so, with the span (a slip of the year, 1026 for 2026, is then plain to see), as
     * the API says it; any other value not of its field's type is "an incorrect value".
     */
    private static final BindingErrorProcessor SPAN_NAMED = new DefaultBindingErrorProcessor() {

        @Override
        public void processPropertyAccessException(PropertyAccessException failed, BindingResult fields) {
            if (!(NestedExceptionUtils.getMostSpecificCause(failed) instanceof OutsideTheSpan)) {
                super.processPropertyAccessException(failed, fields);
                return;
            }
            String field = failed.getPropertyName();
            fields.addError(new FieldError(fields.getObjectName(), field, failed.getValue(), true,
                    fields.resolveMessageCodes("PlausibleTime", field), null,
                    "must be between " + PlausibleTime.EARLIEST_DAY + " and " + PlausibleTime.LATEST_DAY));
        }
    };

    /** A browser's date field sends 2026-12-12 whatever the reader's language; held to the API's span too. */
    private record Days() implements Formatter<LocalDate> {

        @Override
        public LocalDate parse(String text, Locale locale) {
            LocalDate day = LocalDate.parse(text);
            if (!PlausibleTime.contains(day)) {
                throw new OutsideTheSpan(text);
            }
            return day;
        }

        @Override
        public String print(LocalDate day, Locale locale) {
            return day.toString();
        }
    }
}
