package org.ordinateurssolidaires.query.erasure;

import jakarta.validation.Valid;
import org.ordinateurssolidaires.query.erasure.ErasureRecord.Outcome;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.PageDates;
import org.ordinateurssolidaires.query.web.SpreadsheetCsv;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The erasure register as auditors and staff read it: the API's search (a medium's serial, an operator, an outcome,
 * a period), a page of records at a time, and the same selection as CSV.
 */
@PageController
class ErasureRegisterPage {

    private static final int PAGE_SIZE = 50;
    /** As the API bounds its page. */
    private static final int LAST_PAGE = 100_000;

    private final ErasureRegister register;
    private final ReadModelRebuilds rebuilds;
    private final MessageSource words;
    private final PageDates dates;

    ErasureRegisterPage(ErasureRegister register, ReadModelRebuilds rebuilds, MessageSource words, PageDates dates) {
        this.register = register;
        this.rebuilds = rebuilds;
        this.words = words;
        this.dates = dates;
    }

    /**
     * A filter the reader mistyped (a day that is not one) is named beside the form, and so is a period that ends
     * before it starts; nothing is searched.
     */
    @GetMapping("/registre-des-effacements")
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    String register(@Valid @ModelAttribute("search") ErasureRegister.Search typed, BindingResult mistyped,
                    @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        model.addAttribute("outcomes", Outcome.values());
        if (mistyped.hasErrors()) {
            model.addAttribute("mistyped", mistyped.getFieldErrors().stream().map(error -> error.getField()).toList())
                 .addAttribute("mistypedWhy", mistyped.getFieldErrors()); // each said with what is wrong with it
            return "erasure/register";
        }
        ErasureRegister.Search search = lastDayCountedIn(typed, to);
        if (!search.periodInOrder()) {
            model.addAttribute("mistyped", List.of("from", "to")).addAttribute("periodOutOfOrder", true);
            return "erasure/register";
        }
        Page<ErasureRecord> records = register.search(search, Math.max(0, Math.min(page, LAST_PAGE)), PAGE_SIZE);
        if (records.getNumber() >= records.getTotalPages() && records.getTotalPages() > 0) {
            // a page past the last (an old link, a number typed): the last, rather than none and no way back
            records = register.search(search, records.getTotalPages() - 1, PAGE_SIZE);
        }
        model.addAttribute("records", records);
        return "erasure/register";
    }

    @GetMapping("/registre-des-effacements.csv")
    @CostlyToAnswer
    @PreAuthorize(Access.STAFF_OR_AUDITOR)
    ResponseEntity<byte[]> csv(@Valid @ModelAttribute ErasureRegister.Search search,
                               @RequestParam(required = false) String to, Locale locale) {
        // a file carries no banner to say it is short
        return rebuilds.whole(() -> register.spreadsheet(lastDayCountedIn(search, to),
                SpreadsheetCsv.Words.of(words, locale, dates)), ErasureRegisterProjection.PROCESSING_GROUP);
    }

    /**
     * The page's "jusqu'au" counts its day in, as people read "du 2 au 3 mars": a day ends the search as the next
     * one starts in the programme's time zone. An instant (an address written for the API) is taken as it is.
     */
    private ErasureRegister.Search lastDayCountedIn(ErasureRegister.Search search, String to) {
        if (search.to() == null || to.strip().length() != "2026-03-03".length()) {
            return search;
        }
        return search.endingAt(dates.startOf(LocalDate.parse(to.strip()).plusDays(1)));
    }
}
