package org.ordinateurssolidaires.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request's field that is a secret (an account's password): never kept among a refused form's typed values, which
 * the session keeps in the database. The page's form is filled again without it: it is typed again.
 */
@Documented
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface Secret {
}
