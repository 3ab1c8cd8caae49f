package org.ordinateurssolidaires.web.pages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a page's form recorded, said on the next page (a flash attribute, like {@link FormRefusal}).
 *
 * @param code  the message code of the step recorded, as {@code done.sanitised}
 * @param lines what it recorded, line by line, when there is more to say (the devices of a delivery imported)
 */
public record FormDone(String code, ArrayList<String> lines) implements Serializable {

    public static final String ATTRIBUTE = "done";

    public FormDone {
        lines = new ArrayList<>(lines);
    }

    public FormDone(String code, List<String> lines) {
        this(code, new ArrayList<>(lines));
    }
}
