package org.ordinateurssolidaires.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Duration;

/**
 * How often the dashboard and the lists fetch again what they show, so that other people's steps appear without a
 * reload: htmx polls the page and swaps in its part ({@code hx-trigger="${refresh}"}). Each poll reads the read
 * models, never the event store.
 */
@ControllerAdvice(annotations = PageController.class)
class LiveRefresh {

    private final String trigger;

    LiveRefresh(@Value("${ordinateurs.web.refresh:15s}") Duration every) {
        this.trigger = "every " + every.toMillis() + "ms";
    }

    @ModelAttribute("refresh")
    String refresh() {
        return trigger;
    }
}
