package org.ordinateurssolidaires.web.pages;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormRefusalTest {

    /**
     * A list's rows refused for one rule are listed once, with the first row's name and every row's number; another
     * rule, or another field, each once. The reasons carry the codes a binder gives, which name each row.
     */
    @Test
    void listsEachRuleOfAListsRowsOnce() {
        MapBindingResult bound = new MapBindingResult(new HashMap<>(), "form");
        for (int row = 0; row < 6; row++) {
            bound.rejectValue("storageMedia[" + row + "]", "NotNull", "must not be null");
        }
        bound.rejectValue("storageMedia[7].model", "Size", new Object[]{100}, "size must be at most 100");
        bound.rejectValue("storageMedia[8].model", "Size", new Object[]{100}, "size must be at most 100");
        bound.rejectValue("storageMedia[9].model", "Size", new Object[]{50}, "size must be at most 50");
        bound.rejectValue("assetTag", "NotNull", "must not be null");
        LinkedHashMap<String, DefaultMessageSourceResolvable> fields = reasons(bound);
        FormRefusal refusal = new FormRefusal(null, fields, new ArrayList<>(), new LinkedHashMap<>());

        assertThat(refusal.listed()).extracting(FormRefusal.Line::field).containsExactly("storageMedia[0]",
                "storageMedia[7].model", "storageMedia[9].model", "assetTag");
        assertThat(refusal.listed()).as("the rows each names, counted as the page numbers them")
                                    .extracting(FormRefusal.Line::rows)
                                    .containsExactly("1, 2, 3, 4, 5, 6", "8, 9", "10", null);
        assertThat(refusal.fields()).as("each row still has its own, beside it").hasSize(10);
        assertThat(List.of(fields.get("storageMedia[0]").getCodes())).as("the codes name the row")
                .contains("NotNull.form.storageMedia[0]");
    }

    /** A validator checks a list's rows in no order (a set of violations): the page's order, whatever the checks'. */
    @Test
    void namesTheRowsInThePagesOrder() {
        MapBindingResult bound = new MapBindingResult(new HashMap<>(), "form");
        for (int row : new int[]{59, 0, 83, 1, 2, 49, 99}) {
            bound.rejectValue("storageMedia[" + row + "].mediaType", "NotNull", "must not be null");
        }

        assertThat(new FormRefusal(null, reasons(bound), new ArrayList<>(), new LinkedHashMap<>()).listed())
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.rows()).isEqualTo("1, 2, 3, 50, 60, 84, 100");
                    assertThat(line.field()).as("the first row's, where the page takes the reader")
                                            .isEqualTo("storageMedia[0].mediaType");
                });
    }

    /** Each refused field's reason, as PageForms takes them from the binder. */
    private static LinkedHashMap<String, DefaultMessageSourceResolvable> reasons(MapBindingResult bound) {
        LinkedHashMap<String, DefaultMessageSourceResolvable> fields = new LinkedHashMap<>();
        for (FieldError error : bound.getFieldErrors()) {
            fields.put(error.getField(), new DefaultMessageSourceResolvable(error.getCodes(), error.getArguments(),
                    error.getDefaultMessage()));
        }
        return fields;
    }
}
