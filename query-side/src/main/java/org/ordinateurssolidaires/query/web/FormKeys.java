package org.ordinateurssolidaires.query.web;

import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A new command id for each form a page draws ({@code commandId}, beside the form's name): a form sent twice (a
 * double click, a tab sent again) carries the same id, and the command side records it once, as it does for the
 * API's {@code Idempotency-Key} (docs/api.md). The next page drawn carries a new one.
 */
@Component("formKeys")
public class FormKeys {

    public String next() {
        return UUID.randomUUID().toString();
    }
}
