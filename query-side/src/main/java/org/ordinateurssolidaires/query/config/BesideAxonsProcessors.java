package org.ordinateurssolidaires.query.config;

import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.context.SmartLifecycle;

/**
 * A part of the app's lifecycle that starts just before Axon starts its processors, and stops just after they have
 * stopped (Spring starts the lower phases first, and stops them last).
 */
public interface BesideAxonsProcessors extends SmartLifecycle {

    @Override
    default int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1;
    }
}
