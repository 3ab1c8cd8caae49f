package org.ordinateurssolidaires.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;

/** Both apps' Tomcat reports its own errors as problem+json ({@link ProblemJsonErrorReportValve}). */
@AutoConfiguration
@ConditionalOnClass(StandardHost.class)
public class ProblemJsonContainerErrors {

    /** The host creates its error valve when it starts, which is after the contexts are customised. */
    @Bean
    TomcatContextCustomizer problemJsonErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        };
    }
}
