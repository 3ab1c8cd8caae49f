package org.ordinateurssolidaires.command.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A command's transaction takes its pooled connection at its first statement, not when it begins. Axon begins the
 * transaction before the handler waits for the device's lock, so commands queued on one device each held an idle
 * connection: with 16 clients on one process the pool ran dry, and the last in line were answered 503 after the
 * pool's timeout although the database was well (TwoCommandSidesOnOneStoreIT on a busy machine). The lock is taken
 * before the device's events are read: a queued command now holds no connection (CommandsQueuedOnOneDeviceIT).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsAtFirstStatement {

    @Bean
    static BeanPostProcessor lazyConnectionPool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool ? new LazyConnectionDataSourceProxy(pool) : bean;
            }
        };
    }
}
