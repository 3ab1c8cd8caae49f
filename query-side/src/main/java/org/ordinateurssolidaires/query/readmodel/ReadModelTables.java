package org.ordinateurssolidaires.query.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection writes its read model's rows in, on the projection beside its {@code @ProcessingGroup}:
 * while the read model is rebuilt in one pass, their indexes that refuse nothing are set aside
 * ({@link IndexesSetAside}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelTables {

    String[] value();
}
