package org.ordinateurssolidaires.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a form's answer has to say to the page it leads to (recorded, or refused with what was typed), kept in the
 * browser's session until that page is drawn: the last {@link #KEPT} at most. A client that sends forms without
 * following their redirections left one per form for three minutes (Spring's time-out), every one of them read
 * and written back with the session at each request. Named so that Spring Boot's own steps aside.
 */
@Component("flashMapManager")
class RecentFlashMaps extends SessionFlashMapManager {

    /** More than the forms a person sends at once, in as many tabs. */
    static final int KEPT = 10;

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
                                   HttpServletResponse response) {
        super.updateFlashMaps(flashMaps.size() <= KEPT ? flashMaps
                : new CopyOnWriteArrayList<>(flashMaps.subList(flashMaps.size() - KEPT, flashMaps.size())),
                request, response);
    }
}
