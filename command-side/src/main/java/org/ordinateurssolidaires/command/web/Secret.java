package org.ordinateurssolidaires.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request's field that is a secret (an account's password): never kept among a refused form's typed values, which
 * the session keeps in the database. The page's form is filled again without it: it is typed again. Read as typed,
 * spaces around it included, where other text is read without them. Also on the record's field, constructor
 * parameter and accessor, where the JSON reader looks for it.
 */
@Documented
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Secret {
}
