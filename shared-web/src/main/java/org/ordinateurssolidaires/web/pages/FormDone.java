package org.ordinateurssolidaires.web.pages;

import java.io.Serializable;

/**
 * What a page's form recorded, said on the next page (a flash attribute, like {@link FormRefusal}).
 *
 * @param code the message code of the step recorded, as {@code done.sanitised}
 */
public record FormDone(String code) implements Serializable {

    public static final String ATTRIBUTE = "done";
}
