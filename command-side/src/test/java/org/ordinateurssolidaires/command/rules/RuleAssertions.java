package org.ordinateurssolidaires.command.rules;

import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;

/** The fixture expectation every rule test ends with: refused under that very rule, and nothing recorded. */
public final class RuleAssertions {

    private RuleAssertions() {
    }

    public static void expectRuleBroken(BusinessRule rule, ResultValidator<?> result) {
        result.expectException(RuleViolation.class)
              .expectException(Matchers.predicate(e -> ((RuleViolation) e).rule() == rule))
              .expectNoEvents();
    }
}
