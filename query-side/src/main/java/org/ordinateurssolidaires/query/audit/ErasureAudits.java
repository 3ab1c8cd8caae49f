package org.ordinateurssolidaires.query.audit;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.query.audit.HistoryAudit.PublishedLink;
import org.ordinateurssolidaires.web.ParameterRefused;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The auditor's replay as the query side runs it for the API, on a connection of its own, and the current head of
 * the history chain for whoever publishes it (donor reports, audit reports).
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(ErasureAudits.Settings.class)
public class ErasureAudits {

    /**
     * @param erasurePolicy accepted sanitisations per media type, replacing the NIST defaults of that type (see
     *                      {@link ErasurePolicy})
     */
    @ConfigurationProperties("ordinateurs.audit")
    record Settings(Map<MediaType, List<String>> erasurePolicy) {

        Settings {
            erasurePolicy = erasurePolicy == null ? Map.of() : erasurePolicy;
        }
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ErasurePolicy policy;
    private final EventUpcaster upcasters;

    /** @param upcasters the ones Axon reads the store with, so that the replay reads every revision as the apps do */
    ErasureAudits(DataSource dataSource, JdbcTemplate jdbc, Settings settings, EventUpcaster upcasters) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.policy = new ErasurePolicy(settings.erasurePolicy());
        this.upcasters = upcasters;
    }

    AuditReport verify(PublishedLink published) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (published != null && !HistoryAudit.eventAt(connection, published.globalIndex())) {
                throw ParameterRefused.atOdds("position", "no event is stored at position "
                        + published.globalIndex() + ": check the published link's position");
            }
            return new HistoryAudit(policy, upcasters, Clock.systemUTC()).run(connection, published);
        }
    }

    /** What the verification accepts, media type by media type (level, technique and verification). */
    ErasurePolicy policyInForce() {
        return policy;
    }

    /** The last link recorded: print it where the history should be vouched for. */
    public ChainHead currentHead() {
        return jdbc.queryForObject(ChainHead.QUERY, (row, n) -> ChainHead.read(row));
    }
}
