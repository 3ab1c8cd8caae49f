package org.ordinateurssolidaires.web.pages;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why the command side refused a page's form, carried back to the form in the browser's session (a flash attribute,
 * docs/architecture.md, "Pages"): the pages' app says it in the reader's language from the codes, or in the API's
 * own words when it has none for them.
 *
 * @param rule   the broken rule or the unknown thing, when the form was well formed; null otherwise
 * @param fields each refused field's reason, by the field's name in the form
 * @param lines  what was wrong, line by line, when a file was refused (each row at fault): codes, and the API's words
 * @param values what was typed, to fill the form again (with the form's name, {@code form})
 */
public record FormRefusal(DefaultMessageSourceResolvable rule,
                          LinkedHashMap<String, DefaultMessageSourceResolvable> fields,
                          ArrayList<DefaultMessageSourceResolvable> lines,
                          LinkedHashMap<String, String> values) implements Serializable {

    /** The flash attribute's name, on both sides. */
    public static final String ATTRIBUTE = "refusal";
    /** A row of a list, in a field's name: {@code storageMedia[2].model}. */
    private static final Pattern ROW = Pattern.compile("\\[(\\d{1,9})]");

    public FormRefusal {
        fields = new LinkedHashMap<>(fields);
        lines = new ArrayList<>(lines);
        values = new LinkedHashMap<>(values);
    }

    public static FormRefusal ofRule(String code, String words, List<DefaultMessageSourceResolvable> lines,
                                     Map<String, String> values) {
        return new FormRefusal(new DefaultMessageSourceResolvable(new String[]{code}, words), new LinkedHashMap<>(),
                new ArrayList<>(lines), new LinkedHashMap<>(values));
    }

    /** The pages hold several forms: each names itself in its field {@code form}, and shows only its own refusal. */
    public boolean concerns(String form) {
        return form.equals(values.get("form"));
    }

    public boolean refused(String form, String field) {
        return concerns(form) && fields.containsKey(field);
    }

    /**
     * A line of the list above a refused form: a field's reason, and the rows of the form's list it was refused in,
     * counted from 1 as the page numbers them ("2, 3"), or null for a field of no list.
     *
     * @param field the field's name in the form, its first row's
     */
    public record Line(String field, String rows, DefaultMessageSourceResolvable reason) {
    }

    /**
     * The refused fields to list above the form, each reason once for the rows of one list, which it names: a form
     * sent with a seventh medium and none before it was told "Supports de stockage : obligatoire" six times, and a
     * medium's capacity refused in the second of three was said without which.
     */
    public List<Line> listed() {
        Map<List<Object>, String> firstField = new LinkedHashMap<>();
        // each line's rows in the page's order, whatever order the rules were checked in, with the field of each
        Map<List<Object>, SortedMap<Integer, String>> rows = new LinkedHashMap<>();
        fields.forEach((field, reason) -> {
            List<Object> said = said(field, reason);
            firstField.putIfAbsent(said, field);
            Matcher row = ROW.matcher(field);
            if (row.find()) {
                rows.computeIfAbsent(said, line -> new TreeMap<>()).put(Integer.parseInt(row.group(1)) + 1, field);
            }
        });
        return firstField.entrySet().stream().map(line -> {
            SortedMap<Integer, String> inRows = rows.get(line.getKey());
            String field = inRows == null ? line.getValue() : inRows.get(inRows.firstKey());
            return new Line(field, inRows == null ? null : inRows.keySet().stream().map(String::valueOf)
                                                                 .collect(Collectors.joining(", ")), fields.get(field));
        }).toList();
    }

    /**
     * What the list's line says: the field without its row, and the rule (a binder's most general code, the last:
     * the others name the row, "NotNull.storageMedia[3]"), its arguments and its words.
     */
    private static List<Object> said(String field, DefaultMessageSourceResolvable reason) {
        String[] codes = reason.getCodes();
        Object[] arguments = reason.getArguments();
        return List.of(field.replaceAll("\\[\\d+]", ""),
                codes == null || codes.length == 0 ? "" : codes[codes.length - 1],
                Arrays.asList(arguments == null ? new Object[0] : arguments),
                Objects.toString(reason.getDefaultMessage(), ""));
    }

    /**
     * What was typed in {@code field} of {@code form}; null when nothing was, or when the refusal was another form's,
     * so that a field with a default (a step's moment: now) shows its default.
     */
    public String value(String form, String field) {
        return concerns(form) ? values.get(field) : null;
    }
}
