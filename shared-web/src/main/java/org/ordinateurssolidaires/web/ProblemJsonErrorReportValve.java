package org.ordinateurssolidaires.web;

import jakarta.servlet.http.Cookie;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.ordinateurssolidaires.web.pages.FrenchFirst;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The servlet container's own error answers, as {@code application/problem+json} like every other answer of the
 * API, instead of Tomcat's HTML page. Tomcat answers by itself when a request breaks HTTP before any servlet sees
 * it: headers beyond the size limit, a character not allowed in the request line or a header, a malformed URL
 * ({@code /appareils/%2F}, {@code %00}). The detail names the rule, never the request's own bytes (they are what was
 * refused). A browser asking for a page (its headers read: {@code Accept: text/html}, an address outside the API)
 * gets a page in the pages' words instead, in French unless it prefers English: no Spring, no template here.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own valves: only errors, only once, only while the connection can still be written to
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        boolean page = asksForAPage(request);
        String body = page ? page(status, prefersEnglish(request))
                : "{\"title\":\"" + (known != null ? known.getReasonPhrase() : "Error")
                  + "\",\"status\":" + status + ",\"detail\":\"" + detail(status) + "\"}";
        try {
            response.setContentType(page ? "text/html" : "application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException connectionGone) {
            // the client is gone or the response was taken meanwhile: nothing more can be said
        }
    }

    /**
     * A browser's request for a page: HTML named in its {@code Accept}, preferred to JSON (the any-type range a
     * browser adds is no request for JSON; a client's alone is no request for a page), at an address outside the API.
     */
    private static boolean asksForAPage(Request request) {
        String address = request.getRequestURI();
        if (address != null && address.startsWith("/api/")) {
            return false;
        }
        List<MediaType> ranges = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            try {
                ranges.addAll(MediaType.parseMediaTypes(line));
            } catch (InvalidMediaTypeException unreadable) {
                return false;
            }
        }
        double page = ranges.stream().filter(MediaType.TEXT_HTML::equalsTypeAndSubtype)
                            .mapToDouble(MediaType::getQualityValue).max().orElse(0);
        return page > 0 && page >= Math.max(quality(ranges, MediaType.APPLICATION_JSON),
                quality(ranges, MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** The quality the most specific range including the type gives it; 0 if none does. */
    private static double quality(List<MediaType> ranges, MediaType type) {
        return AnswersAsAccepted.mostSpecific(ranges, type).map(MediaType::getQualityValue).orElse(0.0);
    }

    /**
     * The reader's own choice of the pages' language, kept in its cookie, else as the pages read the browser's: a
     * cookie that names neither language is none, as the pages' resolver reads it.
     */
    private static boolean prefersEnglish(Request request) {
        Cookie[] cookies = request.getCookies();
        Locale chosen = Arrays.stream(cookies == null ? new Cookie[0] : cookies)
                              .filter(cookie -> FrenchFirst.COOKIE.equals(cookie.getName())).findFirst()
                              .map(cookie -> Locale.forLanguageTag(cookie.getValue().replace('_', '-'))).orElse(null);
        return FrenchFirst.of(chosen, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).equals(Locale.ENGLISH);
    }

    /** The pages' own words for a refusal or a fault (error.refused, error.fault), with the way home. */
    private static String page(int status, boolean english) {
        boolean fault = status >= 500;
        String title = english ? (fault ? "Something went wrong" : "Request refused")
                : (fault ? "Une erreur est survenue" : "Demande refusée");
        String why = english ? (fault ? "The page could not be shown. Try again in a moment."
                : "The request is not valid: check the address or the values typed.")
                : (fault ? "La page n'a pas pu être affichée. Réessayez dans un instant."
                : "La demande n'est pas valable : vérifiez l'adresse ou les valeurs saisies.");
        return "<!DOCTYPE html><html lang=\"" + (english ? "en" : "fr") + "\"><head><meta charset=\"utf-8\">"
               + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
               + " — Ordinateurs solidaires</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;"
               + "margin:2rem auto;padding:0 1rem;line-height:1.5}h1{color:#1f6f50}</style></head><body><main><h1>"
               + title + "</h1><p>" + why + "</p><p><a href=\"/\">" + (english ? "Back to the home page"
               : "Retour à l'accueil") + "</a></p></main></body></html>";
    }

    private static String detail(int status) {
        if (status == 400) {
            return "the request breaks HTTP's rules before it reaches the API: headers beyond the server's size"
                    + " limit, a character not allowed in the request line or a header, or a malformed URL";
        }
        return status >= 500 ? "the server could not handle the request" : "the request was refused by the server";
    }
}
