package org.ordinateurssolidaires.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose answer carries an entity tag (a device's view: its version), which answers {@code If-Match} and
 * {@code If-None-Match} itself. Every other read has none: {@link ChangesCheckedFirst} holds both headers to their
 * grammar there, and refuses an {@code If-Match} naming a tag, as none can match (412).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnswersWithEntityTag {
}
