package org.ordinateurssolidaires.query;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.ordinateurssolidaires.store.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side: projections fed from the event store, and the APIs staff, donors and auditors read. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Ordinateurs solidaires - query API", version = "1",
        description = "The inventory of donated devices and the full provenance of each one."))
public class QuerySideApplication {

    public static void main(String[] args) {
        EmbeddedDatabase.listenOnLoopbackUnlessConfigured();
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
