package org.ordinateurssolidaires.store;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Keeps the embedded database's folder its owner's ({@link EmbeddedDatabase#keepFolderOwnerOnly}), and the two
 * apps' migrations of its file one after the other ({@link EmbeddedDatabase#migrateOneAtATime}).
 */
@AutoConfiguration
public class EmbeddedDatabaseFolder {

    /** Before any bean is made, so before the data source opens the file. */
    @Bean
    static BeanFactoryPostProcessor embeddedDatabaseFolderOwnerOnly(Environment environment) {
        return beanFactory -> {
            try {
                EmbeddedDatabase.keepFolderOwnerOnly(environment.getProperty("spring.datasource.url", ""));
            } catch (IOException unusable) {
                throw new UncheckedIOException("could not keep the embedded database's folder to its owner",
                        unusable);
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayMigrationStrategy.class)
    static class Migrations {

        @Bean
        FlywayMigrationStrategy oneAppMigratesAtATime(Environment environment) {
            return flyway -> {
                try {
                    EmbeddedDatabase.migrateOneAtATime(environment.getProperty("spring.datasource.url", ""),
                            flyway::migrate);
                } catch (IOException unusable) {
                    throw new UncheckedIOException("could not take the embedded database's migration lock",
                            unusable);
                }
            };
        }
    }
}
