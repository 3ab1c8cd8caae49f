package org.ordinateurssolidaires.command.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import java.sql.Connection;

/**
 * A command's transaction takes its pooled connection at its first statement, not when it begins. Axon begins the
 * transaction before the handler waits for the device's lock, so commands queued on one device each held an idle
 * connection: with 16 clients on one process the pool ran dry, and the last in line were answered 503 after the
 * pool's timeout although the database was well (TwoCommandSidesOnOneStoreIT on a busy machine). The lock is taken
 * before the device's events are read: a queued command now holds no connection (CommandsQueuedOnOneDeviceIT),
 * unless it carries a client's command id (every page's form does), which is claimed before the lock.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsAtFirstStatement {

    @Bean
    static BeanPostProcessor lazyConnectionPool() {
        return new LazyConnectionPool();
    }

    /** First of the post-processors, so that any other wrapping the data source (tests' faults) wraps this one. */
    private static final class LazyConnectionPool implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof HikariDataSource pool)) {
                return bean;
            }
            LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy();
            lazy.setTargetDataSource(pool);
            // the pool's and both databases' defaults, given so that the proxy does not take a connection to ask
            lazy.setDefaultAutoCommit(true);
            lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            lazy.afterPropertiesSet();
            return lazy;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
