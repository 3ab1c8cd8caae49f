package org.ordinateurssolidaires.query.readmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a projection beside its {@code @ProcessingGroup}: its read model may be rebuilt aggregate by aggregate, from
 * the events of one type of aggregate read sorted by aggregate, each row then written once ({@link OnePassRebuild}).
 * True of a read model whose handlers take that aggregate's events only, whose processor applies each aggregate's
 * events in sequence and different aggregates' in no set order (Axon's default policy, which the pass checks), and
 * whose rows are each an aggregate's, or sums over aggregates ({@link KeptCounts}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RebuiltAggregateByAggregate {

    /** The aggregate's type, as Axon stores it beside each of its events. */
    String value();
}
