package org.ordinateurssolidaires.command;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.ordinateurssolidaires.store.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side: REST commands, the aggregates that decide, and the event store they append to. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Ordinateurs solidaires - command API", version = "1",
        description = "Every step of a donated computer's life, recorded as an immutable event."))
public class CommandSideApplication {

    public static void main(String[] args) {
        EmbeddedDatabase.listenOnLoopbackUnlessConfigured();
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
