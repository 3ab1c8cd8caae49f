package org.ordinateurssolidaires.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request text that may run over several lines (tabs, line feeds and carriage returns allowed): notes, reasons,
 * the work done, an address. Every other text is one line, since a line break in a serial number, a name or a
 * reference would break the documents and exports that show it.
 */
@Documented
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLineText {
}
