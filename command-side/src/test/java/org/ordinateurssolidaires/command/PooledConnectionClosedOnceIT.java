package org.ordinateurssolidaires.command;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.store.axon.EventStorage;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pooled connection that Axon's JDBC components used in a unit of work is handed back to the pool once, when the
 * unit of work's Spring transaction ends. Axon's default provider kept it for the unit of work and closed it again
 * as the unit of work was cleaned up, by then in the hands of whoever took it from the pool next: HikariCP then
 * emptied that other user's list of open statements, which under load broke a command with a 500 (HikariCP's list
 * changed by two threads at once) and otherwise left that user's statements open on the database.
 */
class PooledConnectionClosedOnceIT extends CommandSideIntegrationTest {

    @Autowired
    ConnectionProvider appConnections;

    /** One connection: whoever borrows after the unit of work's transaction gets the very one it used. */
    private final HikariDataSource pool = pool();
    private Connection next;

    @AfterEach
    void close() throws SQLException {
        if (next != null) {
            next.close();
        }
        pool.close();
    }

    @Test
    void theConnectionOfAUnitOfWorkIsHandedBackOnceAndItsNextUserKeepsItsStatements() throws SQLException {
        ConnectionProvider connections = EventStorage.connections(pool);
        PreparedStatement[] nextUsersStatement = new PreparedStatement[1];

        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        command.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(pool)));
        command.afterCommit(done -> {
            try { // between the transaction's end and the unit of work's cleanup: the pool's one connection, again
                next = pool.getConnection();
                nextUsersStatement[0] = next.prepareStatement("select 1");
            } catch (SQLException unexpected) {
                throw new IllegalStateException(unexpected);
            }
        });
        command.executeWithResult(() -> JdbcUtils.executeQuery(connections.getConnection(),
                c -> c.prepareStatement("select 1"), ResultSet::next, failure -> new IllegalStateException(failure)));

        assertThat(command.getExecutionResult().isExceptionResult()).isFalse();
        next.close();
        next = null;
        assertThat(nextUsersStatement[0].isClosed())
                .as("the next user's statement, closed with its connection: still tracked by the pool").isTrue();
    }

    @Test
    void theCommandSideGivesAxonTheTransactionsConnections() {
        assertThat(appConnections).isInstanceOf(EventStorage.connections(pool).getClass());
    }

    private static HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(PostgresTestDatabase.emptyDatabase("ordinateurs_pooled_connection_it"));
        pool.setUsername(PostgresTestDatabase.USER);
        pool.setPassword(PostgresTestDatabase.PASSWORD);
        pool.setMaximumPoolSize(1);
        return pool;
    }
}
