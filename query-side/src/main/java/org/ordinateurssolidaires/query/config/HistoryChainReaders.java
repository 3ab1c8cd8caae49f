package org.ordinateurssolidaires.query.config;

import org.ordinateurssolidaires.store.TableReaders;
import org.ordinateurssolidaires.store.TableReaders.Grant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** What the auditor's role reads of the query side's tables (docs/security.md, "Database roles"). */
@Configuration
class HistoryChainReaders {

    /** The auditor's command-line replay checks the events against the history chain this side records. */
    @Bean
    TableReaders readersOfTheHistoryChain(JdbcTemplate jdbc, @Value("${ordinateurs.database.auditor-role:}") String auditor) {
        return new TableReaders(jdbc, List.of(Grant.reads(auditor, List.of("history_chain_link", "history_chain_head"))));
    }
}
