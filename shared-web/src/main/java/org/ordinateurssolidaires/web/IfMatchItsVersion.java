package org.ordinateurssolidaires.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that changes one thing with a history of its own (a device), whose entity tag is its version: the
 * last step of that history, as the thing's provenance gives it in its {@code ETag}. Sent with {@code If-Match}
 * naming it, the change is made only if no other step was recorded since (412 otherwise, RFC 9110, 13.1.1); every
 * other change takes {@code If-Match: *} alone ({@link ChangesCheckedFirst}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IfMatchItsVersion {
}
