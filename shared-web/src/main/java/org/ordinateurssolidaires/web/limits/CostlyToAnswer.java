package org.ordinateurssolidaires.web.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that holds a database connection and a core for long (the auditor's replay of the whole history,
 * a PDF): {@link CostlyAnswers} lets each caller run one at a time, and only a few run at once, so that a few
 * callers cannot starve the projections and everyone else of the database's connections.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CostlyToAnswer {
}
