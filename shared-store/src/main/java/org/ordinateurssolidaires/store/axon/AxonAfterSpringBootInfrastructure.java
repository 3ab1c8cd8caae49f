package org.ordinateurssolidaires.store.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Declares no bean: it only makes Axon's auto-configuration run after the Spring Boot 4 auto-configurations it
 * depends on. Axon Framework 4.13 names them by their Spring Boot 3 class names (for example
 * {@code org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration}), which moved
 * in Boot 4. Left unordered, Axon may look for the data source, the transaction manager or the meter registry
 * before Boot has defined them, and quietly do without: the command side (JDBC, no JPA) got no event store and did
 * not start, and it could as well have run its commands without a transaction. Standing between the two
 * ({@code after} Boot's, {@code before} Axon's) restores the order of Boot 3. Remove it once Axon names Boot 4's
 * classes itself; {@code AxonInfrastructureIT} in each app checks what it guards.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        },
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration"
        })
public class AxonAfterSpringBootInfrastructure {
}
