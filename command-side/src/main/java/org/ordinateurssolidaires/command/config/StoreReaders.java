package org.ordinateurssolidaires.command.config;

import org.ordinateurssolidaires.store.TableReaders;
import org.ordinateurssolidaires.store.TableReaders.Grant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** What the other roles read of the command side's tables (docs/security.md, "Database roles"). */
@Configuration
class StoreReaders {

    /**
     * The query side reads the events, the accounts (it signs people in itself) and the people's keys (it opens their
     * data for those allowed to read it), and keeps the browser sessions both apps share (it serves the pages and
     * their sign-in); an auditor's command-line replay reads the events.
     */
    @Bean
    TableReaders readersOfTheStore(JdbcTemplate jdbc,
                              @Value("${ordinateurs.database.query-side-role:}") String querySide,
                              @Value("${ordinateurs.database.auditor-role:}") String auditor) {
        return new TableReaders(jdbc, List.of(
                Grant.reads(querySide, List.of("domainEventEntry", "account", "personal_data_key")),
                Grant.keeps(querySide, List.of("spring_session", "spring_session_attributes")),
                Grant.reads(auditor, List.of("domainEventEntry"))));
    }
}
