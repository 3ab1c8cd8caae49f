package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.springboot.EventProcessorProperties;
import org.ordinateurssolidaires.query.config.BesideAxonsProcessors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * A read model the database holds no token of as the query side starts is new: a query side set up on a store that
 * has a history, or read models emptied by hand (docs/architecture.md). Once the query side is ready, those are
 * built from the store together, in one pass ({@link OnePassRebuild}), rather than by each processor reading the
 * store on its own. Readiness does not wait for it: a read model taking in the store is behind, not at fault. Which
 * ones are new is looked at before Axon starts any processor, as a processor's first start makes its tokens; their
 * segments are then made and held for the pass, so that their processors wait for it rather than begin on the store
 * only to have it emptied (and a reader see a read model filled, then empty, then filled again).
 */
@Component
class NewReadModels implements BesideAxonsProcessors {

    private static final Logger log = LoggerFactory.getLogger(NewReadModels.class);

    private final JdbcTemplate jdbc;
    private final ReadModelRebuilds rebuilds;
    private final OnePassRebuild onePass;
    /** Each read model's processor as application.yml sets it: its number of segments. */
    private final EventProcessorProperties processors;
    /** Off: each new read model is built by its own processor, as before (and as several query sides share one). */
    private final boolean inOnePass;
    private final Executor building;
    /** The read models with tokens as the query side started; null if the database could not tell. */
    private volatile Set<String> withTokens;
    /** The new read models whose segments are held for the pass. */
    private volatile Set<String> reserved = Set.of();
    private volatile boolean running;

    @Autowired
    NewReadModels(JdbcTemplate jdbc, ReadModelRebuilds rebuilds, OnePassRebuild onePass,
                  EventProcessorProperties processors,
                  @Value("${ordinateurs.read-models.new-in-one-pass}") boolean inOnePass) {
        this(jdbc, rebuilds, onePass, processors, inOnePass, NewReadModels::inTheBackground);
    }

    NewReadModels(JdbcTemplate jdbc, ReadModelRebuilds rebuilds, OnePassRebuild onePass,
                  EventProcessorProperties processors, boolean inOnePass, Executor building) {
        this.jdbc = jdbc;
        this.rebuilds = rebuilds;
        this.onePass = onePass;
        this.processors = processors;
        this.inOnePass = inOnePass;
        this.building = building;
    }

    /** Not on the thread that says the query side is ready, which waits for its listeners. */
    private static void inTheBackground(Runnable work) {
        Thread thread = new Thread(work, "new-read-models");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void start() {
        running = true;
        if (!inOnePass) {
            return;
        }
        try {
            withTokens = new HashSet<>(jdbc.queryForList("select distinct processorName from tokenEntry",
                    String.class));
        } catch (DataAccessException unreachable) {
            log.warn("Could not tell whether any read model is new; each is built by its own processor",
                    unreachable);
            return;
        }
        holdSegmentsForThePass(withTokens);
    }

    /**
     * The segments of the new read models whose number application.yml sets, all or none. Should the pass not take
     * them within the claims' timeout, or another query side have made them meanwhile, the processors begin as
     * before, and the pass, if it can, empties what they applied.
     */
    private void holdSegmentsForThePass(Set<String> old) {
        Map<String, Integer> segments = new TreeMap<>();
        processors.getProcessors().forEach((name, settings) -> {
            if (!old.contains(name) && settings.getInitialSegmentCount() != null) {
                segments.put(name, settings.getInitialSegmentCount());
            }
        });
        if (segments.isEmpty()) {
            return;
        }
        try {
            onePass.reserve(segments);
            reserved = segments.keySet();
        } catch (RuntimeException notNow) {
            log.info("Read models {} are new; their processors begin on the store until the pass takes them: {}",
                    segments.keySet(), notNow.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Set<String> old = withTokens;
        withTokens = null; // once
        if (old == null) {
            return;
        }
        List<String> fresh = rebuilds.all().stream().map(ReadModelRebuilds.Status::name)
                .filter(name -> !old.contains(name)).toList();
        Set<String> held = reserved;
        if (!fresh.isEmpty() || !held.isEmpty()) {
            building.execute(() -> {
                try {
                    rebuilds.rebuildNew(fresh);
                } finally {
                    onePass.unreserve(held); // those no pass took, to their processors at once
                }
            });
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
