package org.ordinateurssolidaires.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field of the request a rule checked by an {@code @AssertTrue} method is about: a refusal names it, as the
 * client and the page's form know it, rather than the method ({@code childrenWithinTheHousehold}). Read by
 * {@link ReportedFieldNames}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReportedOn {

    /** A component of the same request record. */
    String value();
}
