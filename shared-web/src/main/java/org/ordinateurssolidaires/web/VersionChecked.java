package org.ordinateurssolidaires.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that records a step on one thing with a history of its own (a device), sent with the version of it
 * its sender saw: an API client's {@code If-Match} naming the version the thing's view gives in its {@code ETag}, a
 * page's form the version its page was drawn at ({@code drawnVersion}). The step is recorded only if no other was
 * since (412, RFC 9110, 13.1.1; on a page, the form is refused). Every other change takes {@code If-Match: *} alone
 * ({@link ChangesCheckedFirst}), and no other form sends a version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface VersionChecked {
}
