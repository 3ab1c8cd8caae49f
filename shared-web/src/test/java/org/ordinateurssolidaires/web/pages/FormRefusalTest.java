package org.ordinateurssolidaires.web.pages;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormRefusalTest {

    private static final DefaultMessageSourceResolvable REQUIRED = new DefaultMessageSourceResolvable(
            new String[]{"NotNull"}, "must not be null");
    private static final DefaultMessageSourceResolvable TOO_LONG = new DefaultMessageSourceResolvable(
            new String[]{"Size"}, "size must be between 0 and 100");

    /** A list's rows refused for one reason are listed once, with the first row's name; other reasons each once. */
    @Test
    void listsEachReasonOfAListsRowsOnce() {
        LinkedHashMap<String, DefaultMessageSourceResolvable> fields = new LinkedHashMap<>();
        for (int row = 0; row < 6; row++) {
            fields.put("storageMedia[" + row + "]", REQUIRED);
        }
        fields.put("storageMedia[7].model", TOO_LONG);
        fields.put("storageMedia[8].model", TOO_LONG);
        fields.put("assetTag", REQUIRED);
        FormRefusal refusal = new FormRefusal(null, fields, new ArrayList<>(), new LinkedHashMap<>());

        assertThat(refusal.listed()).containsExactly(Map.entry("storageMedia[0]", REQUIRED),
                Map.entry("storageMedia[7].model", TOO_LONG), Map.entry("assetTag", REQUIRED));
        assertThat(refusal.fields()).as("each row still has its own, beside it").hasSize(9);
    }
}
