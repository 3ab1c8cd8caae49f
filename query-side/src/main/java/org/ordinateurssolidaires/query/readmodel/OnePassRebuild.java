package org.ordinateurssolidaires.query.readmodel;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.springboot.TokenStoreProperties;
import org.ordinateurssolidaires.query.config.EventArrivals;
import org.ordinateurssolidaires.store.OnPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Rebuilds read models by reading the store once for all of them. Each read model's processor would read the whole
 * store on its own, decode every event again and hand it on event by event through its coordinator; five of them
 * did that five times over, which was most of a rebuild's time (docs/benchmarks.md, "Rebuilding the read models").
 * Here one thread reads the store up to its end as the pass began, in chunks, in one statement ({@link StoreReading}),
 * and decodes each event once, and each read model being rebuilt applies the chunks on a thread of its own, through
 * the very handlers and interceptors its processor runs, each chunk's rows and tokens in one transaction, as its
 * processor writes a batch.
 * <p>
 * Meanwhile the pass holds every segment of those read models under an owner of its own, so that no processor takes
 * one, on this query side or another. It hands a read model back to its processor by releasing its segments: when
 * it has read everything up to that end (the processor goes on with what was stored since), when the read model's
 * chunk is rolled back, or when the query side stops (the chunk under way is then given up). The processor then goes
 * on from the last chunk written: after a rolled-back chunk it applies that chunk again itself and parks the event at
 * fault, as always (deadletter/RollbackFirstDeadLetterQueue). Should the claims lapse all the same (the database out
 * of reach for longer than their timeout), the processor takes the segments in the same way, and the chunk under way
 * is refused as a whole.
 * <p>
 * The indexes of the read models' tables that refuse nothing are set aside for the pass, and built again as each is
 * handed back ({@link IndexesSetAside}).
 * <p>
 * A read model whose projection says it may be {@linkplain RebuiltAggregateByAggregate rebuilt aggregate by
 * aggregate} is not applied the chunks of that reading: it reads its aggregates' events on its own thread, sorted by
 * aggregate, and applies them in one transaction, so that each of its rows is inserted once, complete, where the
 * reading in order wrote a device's row again in every chunk holding one of its events (docs/benchmarks.md). Its
 * tokens are moved once, at the end, to where the pass began; stopped or failing midway, the transaction leaves the
 * read model empty, its tokens at the store's start, and its processor applies the store to it.
 */
@Component
public class OnePassRebuild {

    private static final Logger log = LoggerFactory.getLogger(OnePassRebuild.class);
    /** Chunks queued for a read model, beyond the one it applies: one, as each holds {@link #chunk} decoded events. */
    static final int AHEAD = 1;
    /**
     * Well within the claims' timeout (Axon's default, 10 s): kept while a chunk is applied and while a read model
     * waits for the reading, whatever either takes. While a chunk commits, its tokens are written with it (a fresh
     * claim) and locked: the keeping waits for the commit, the other read models' with it.
     */
    private static final Duration CLAIMS_KEPT_EVERY = Duration.ofSeconds(2);
    /**
     * The stored events of the whole aggregates a read model rebuilt aggregate by aggregate applies at a time, as one
     * batch: its rows are each written once whatever the batch, and smaller ones were faster, down to 500 (fewer
     * rows in the session at each flush, less in the heap: docs/benchmarks.md).
     */
    static final int AGGREGATES_OF = 2_000;
    /** Within the time a pass takes to extend its claims ({@link #CLAIMS_KEPT_EVERY}). */
    private static final Duration ELSEWHERE_LOOKED_UP_EVERY = Duration.ofSeconds(1);
    /** In the name its claims are held under, on every query side: how others tell a pass holds a read model. */
    static final String OWNER_MARK = " rebuilding ";
    /** Far longer than a chunk takes to be written, the time the query side waits for a pass as it stops. */
    private static final Duration ENDED_WITHIN = Duration.ofSeconds(30);
    /**
     * What applying an event answers, made once. For any other answer, Axon's unit of work makes a result message
     * per event, and with it that event's correlation data, which decodes the event's metadata, and a random
     * identifier: a tenth of a rebuild's CPU (docs/benchmarks.md, "What a rebuild allocates").
     */
    private static final ResultMessage<Void> APPLIED = GenericResultMessage.asResultMessage((Object) null);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final TransactionManager transactions;
    private final ApplicationContext application;
    private final IndexesSetAside indexes;
    private final JdbcTemplate jdbc;
    private final OnPostgres onPostgres;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    /** Where a read model rebuilt aggregate by aggregate writes its rows between two groups of aggregates. */
    @PersistenceContext
    private EntityManager session;
    /**
     * Events per transaction, read in the store's order. Larger chunks write a row fewer times where its events are
     * spread over the store, and hold more decoded events in the heap: with the inventory rebuilt device by device,
     * chunks of 5,000 (application.yml) rebuilt every read model no slower than chunks of 20,000, which filled a
     * 512 MB heap (docs/benchmarks.md).
     */
    private final int chunk;
    /** Axon's token store, under this pass's own name for its claims. */
    private final TokenStore claims;
    private final TokenSchema schema;
    /** A claim not extended for that long has lapsed: the processors take its segment. */
    private final Duration claimsLapseAfter;
    /** What {@link #elsewhere} last found, by read model. */
    private final Map<String, LookedUp> lookedUp = new ConcurrentHashMap<>();
    /** The read models in a pass, by name, until each is handed back. */
    private final Map<String, ReadModel> underWay = new ConcurrentHashMap<>();
    /** The read models whose segments are held for a pass that has not begun, by name: how far they are. */
    private final Map<String, Progress> reserved = new ConcurrentHashMap<>();
    /**
     * The read models being emptied for a pass, by name, with the store's end it is to reach: marked before the
     * emptying commits, and until the pass has them, so that none is read emptied and taken as whole.
     */
    private final Map<String, Long> emptying = new ConcurrentHashMap<>();
    /**
     * The read models a pass handed back short of the store's end it was to reach (a chunk rolled back, the query
     * side stopping), by name, with that end: still being rebuilt, by their processors, which say so themselves once
     * they hold their segments again ({@link #takenBack}).
     */
    private final Map<String, Long> handedBackShort = new ConcurrentHashMap<>();
    private final Set<Thread> passes = ConcurrentHashMap.newKeySet();
    /** Extends the claims of every read model in a pass, on a connection of its own. */
    private final ScheduledExecutorService claimsKept = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "rebuild-claims-kept");
                thread.setDaemon(true);
                return thread;
            });
    private volatile boolean stopping;

    OnePassRebuild(EventArrivals store, TransactionManager transactions, ConnectionProvider connections,
                   TokenSchema schema, TokenStoreProperties tokenStore, Serializer serializer,
                   EventUpcaster upcasters, JdbcTemplate jdbc, ApplicationContext application,
                   IndexesSetAside indexes, @Value("${ordinateurs.read-models.rebuild-chunk}") int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("ordinateurs.read-models.rebuild-chunk must be at least 1, not " + chunk);
        }
        this.store = store;
        this.transactions = transactions;
        this.application = application;
        this.indexes = indexes;
        this.jdbc = jdbc;
        this.onPostgres = new OnPostgres(jdbc);
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.chunk = chunk;
        this.schema = schema;
        this.claimsLapseAfter = tokenStore.getClaimTimeout();
        // unique: Axon lets an owner's claims be taken by the same owner, and tests run several query sides in a JVM
        this.claims = JdbcTokenStore.builder().connectionProvider(connections).schema(schema).serializer(serializer)
                .claimTimeout(claimsLapseAfter).nodeId(ManagementFactory.getRuntimeMXBean().getName() + OWNER_MARK
                        + UUID.randomUUID().toString().substring(0, 8)).build();
        claimsKept.scheduleWithFixedDelay(this::keepClaims, CLAIMS_KEPT_EVERY.toMillis(),
                CLAIMS_KEPT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A read model being rebuilt: its position is that of the last chunk written, its goal the end of the store when
     * its pass began. Rebuilt aggregate by aggregate, it stays at the store's start until the end of its pass, and its
     * percentage is that of the events read.
     */
    public record Progress(int segments, long position, long upTo, int percent) {

        static Progress along(int segments, long position, long upTo) {
            return new Progress(segments, position, upTo, percent(position, upTo));
        }

        public static int percent(long done, long of) {
            return (int) Math.min(100, 100 * Math.max(0, done) / Math.max(1, of));
        }
    }

    /** A read model held for a pass, or in one: in that order, as a pass puts it in one before it takes it out. */
    public Optional<Progress> progress(String readModel) {
        return Optional.ofNullable(reserved.get(readModel))
                       .or(() -> Optional.ofNullable(underWay.get(readModel)).map(inPass -> inPass.progress))
                       .or(() -> Optional.ofNullable(emptying.get(readModel)).map(upTo -> Progress.along(0, 0, upTo)))
                       .or(() -> Optional.ofNullable(handedBackShort.get(readModel))
                                         .map(upTo -> Progress.along(0, 0, upTo)));
    }

    /**
     * A pass another query side runs on the read model, where this one holds none of its segments: they are held
     * under a pass's name ({@link #OWNER_MARK}), and not left to lapse. How far it has come is read from its tokens,
     * which it writes with each chunk (rebuilt aggregate by aggregate, they move only at the end). Asked by every
     * list and page of such a query side: looked up at most once a {@link #ELSEWHERE_LOOKED_UP_EVERY}, and not known
     * (no pass said) while the database does not answer, when the lists cannot be drawn either.
     */
    public Optional<Progress> elsewhere(String readModel) {
        Instant now = Instant.now();
        LookedUp last = lookedUp.get(readModel);
        if (last != null && last.at().isAfter(now.minus(ELSEWHERE_LOOKED_UP_EVERY))) {
            return last.pass();
        }
        Optional<Progress> pass;
        try {
            pass = passHolding(readModel, now.minus(claimsLapseAfter));
        } catch (DataAccessException unanswered) {
            log.debug("Read model {}: whether another query side rebuilds it could not be read", readModel,
                    unanswered);
            pass = Optional.empty();
        }
        lookedUp.put(readModel, new LookedUp(now, pass));
        return pass;
    }

    private Optional<Progress> passHolding(String readModel, Instant lapsed) {
        List<Progress> segments = jdbc.query("select " + String.join(", ", schema.tokenColumn(),
                        schema.tokenTypeColumn(), schema.ownerColumn(), schema.timestampColumn()) + " from "
                        + schema.tokenTable() + " where " + schema.processorNameColumn() + " = ?",
                (row, number) -> {
                    String owner = row.getString(3);
                    return owner != null && owner.contains(OWNER_MARK) && claimedSince(row.getString(4), lapsed)
                            ? passAt(row.getBytes(1), row.getString(2)) : null;
                }, readModel);
        if (segments.isEmpty() || segments.contains(null)) {
            return Optional.empty();
        }
        long position = segments.stream().mapToLong(Progress::position).min().orElse(0);
        long upTo = segments.stream().mapToLong(Progress::upTo).max().orElse(0);
        return Optional.of(Progress.along(0, position, upTo));
    }

    private static boolean claimedSince(String claimed, Instant lapsed) {
        try {
            return claimed != null && Instant.parse(claimed).isAfter(lapsed);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }

    /**
     * A pass's token: a replay, from where it has come up to the store's end as the pass began. One this query side
     * cannot read (of another version's) still says a pass holds the read model, with no progress.
     */
    private Progress passAt(byte[] token, String type) {
        try {
            TrackingToken replay = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type,
                    null));
            long upTo = replay instanceof ReplayToken reset ? position(reset.getTokenAtReset()) : 0;
            return Progress.along(0, position(replay), upTo);
        } catch (RuntimeException unreadable) {
            log.debug("A rebuild's token of type {} could not be read", type, unreadable);
            return Progress.along(0, 0, 0);
        }
    }

    /** What {@link #elsewhere} found of a read model, and when. */
    private record LookedUp(Instant at, Optional<Progress> pass) {
    }

    /** Its processor holds its segments again: its own replay says how far its rebuild has come. */
    public void takenBack(String readModel) {
        handedBackShort.remove(readModel);
    }

    /** Whether a pass applies the store to the read model now (not only holds its segments for one to come). */
    public boolean inPass(String readModel) {
        return underWay.containsKey(readModel);
    }

    /**
     * Makes the segments of read models that have none, held under this pass's name, before their processors start:
     * they then wait for {@link #rebuild} rather than begin on the store. All or none. Each segment's token is the
     * one its processor would make (a replay up to the store's end as it is now), so that a processor that takes over
     * says it replays, as one that made it. Nothing extends these claims: should no pass take them within the
     * claims' timeout, they lapse and the processors begin.
     *
     * @throws UnableToClaimTokenException one has segments already (another query side made them meanwhile)
     */
    public void reserve(Map<String, Integer> segments) {
        TrackingToken head = store.createHeadToken();
        long upTo = position(head);
        transactions.executeInTransaction(() -> segments.forEach((readModel, count) -> {
            claims.initializeTokenSegments(readModel, count, ReplayToken.createReplayToken(head));
            for (int segment = 0; segment < count; segment++) {
                claims.fetchToken(readModel, segment);
            }
        }));
        segments.forEach((readModel, count) -> reserved.put(readModel, Progress.along(count, 0, upTo)));
        log.info("Read models {} are new: their segments are held for the pass that builds them", segments.keySet());
    }

    /** No pass will take them: the segments held for one are released, for the processors to take at once. */
    public void unreserve(Collection<String> readModels) {
        for (String readModel : readModels) {
            Progress held = reserved.remove(readModel);
            if (held == null) {
                continue;
            }
            try {
                transactions.executeInTransaction(() -> IntStream.range(0, held.segments())
                        .forEach(segment -> claims.releaseClaim(readModel, segment)));
            } catch (RuntimeException failure) {
                log.warn("Read model {}: the segments held for its pass could not be released; its processor takes"
                        + " them once the claims lapse", readModel, failure);
            }
        }
    }

    /** Whether the read model has segments: made by its processor's first start, or reserved. */
    public boolean hasSegments(String readModel) {
        return transactions.fetchInTransaction(() -> claims.fetchSegments(readModel).length > 0);
    }

    /**
     * Empties the read models and rebuilds them together in one pass, in the background. Their processors are
     * stopped: each is emptied by its reset handlers and its segments taken, all of them in one transaction, so that
     * their processors, once started again, leave them to the pass. Refused, with nothing emptied, if another query
     * side holds a segment of any of them.
     *
     * @throws UnableToClaimTokenException held elsewhere, or without segments yet
     * @throws IllegalStateException         being rebuilt already, or the query side stopping
     */
    public synchronized void rebuild(List<StreamingEventProcessor> stopped) {
        if (stopping) {
            throw new IllegalStateException("the query side is stopping");
        }
        if (stopped.stream().anyMatch(processor -> underWay.containsKey(processor.getName()))) {
            throw new IllegalStateException("being rebuilt already");
        }
        long upTo = position(store.createHeadToken());
        List<String> names = stopped.stream().map(StreamingEventProcessor::getName).toList();
        names.forEach(name -> emptying.put(name, upTo));
        List<ReadModel> readModels;
        try {
            // all or none: a read model held elsewhere leaves every other as it was
            readModels = transactions.fetchInTransaction(() -> stopped.stream().map(this::emptied).toList());
            readModels.forEach(readModel -> {
                readModel.progress = Progress.along(readModel.segments.length, 0, upTo);
                underWay.put(readModel.name, readModel);
                reserved.remove(readModel.name);
                handedBackShort.remove(readModel.name);
            });
        } finally {
            names.forEach(emptying::remove);
        }
        readModels.forEach(this::setIndexesAside);
        List<ReadModel> notStarted = new ArrayList<>(readModels);
        List<ReadModel> inOrder = readModels.stream().filter(readModel -> readModel.aggregateType == null).toList();
        try {
            if (!inOrder.isEmpty()) {
                start("rebuild-reading-the-store", () -> read(inOrder, upTo));
            }
            for (ReadModel readModel : readModels) {
                start("rebuild-" + readModel.name, readModel.aggregateType == null ? () -> applyAll(readModel, upTo)
                        : () -> applyByAggregate(readModel, upTo));
                notStarted.remove(readModel);
            }
        } catch (RuntimeException | OutOfMemoryError noThread) {
            // a thread the JVM could not make: a read model nothing applies is not left under way, its claims kept
            notStarted.forEach(this::handBack);
            throw noThread;
        }
    }

    /** Faster without them, and as right with them: a failure leaves them in place. */
    private void setIndexesAside(ReadModel readModel) {
        try {
            transactions.executeInTransaction(() -> indexes.setAside(readModel.name));
        } catch (RuntimeException failure) {
            log.warn("Read model {}: its indexes are kept for its rebuild, which is the slower for it",
                    readModel.name, failure);
        }
    }

    private void start(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } finally {
                passes.remove(Thread.currentThread());
            }
        }, name);
        passes.add(thread);
        thread.start();
    }

    private ReadModel emptied(StreamingEventProcessor processor) {
        String name = processor.getName();
        int[] segments = claims.fetchSegments(name);
        if (segments.length == 0) { // its processor would make them from the store's start, and apply it again
            throw new UnableToClaimTokenException("read model " + name + " has no segments yet");
        }
        TrackingToken[] tokens = new TrackingToken[segments.length];
        for (int i = 0; i < segments.length; i++) {
            tokens[i] = ReplayToken.createReplayToken(claims.fetchToken(name, segments[i]), null);
        }
        AbstractEventProcessor handlers = (AbstractEventProcessor) processor;
        handlers.eventHandlerInvoker().performReset();
        ReadModel readModel = new ReadModel(name, aggregateType(name).orElse(null), handlers.eventHandlerInvoker(),
                handlers.getHandlerInterceptors(), segments, tokens);
        readModel.storeTokens(claims);
        return readModel;
    }

    /**
     * The aggregate type its projection says the read model may be rebuilt by ({@link RebuiltAggregateByAggregate}),
     * if its processor does apply each aggregate's events in sequence and no other order (Axon's default policy).
     */
    private Optional<String> aggregateType(String readModel) {
        Optional<String> declared = Arrays.stream(application.getBeanNamesForAnnotation(
                        RebuiltAggregateByAggregate.class))
                .filter(bean -> readModel.equals(groupOf(bean)))
                .map(bean -> application.findAnnotationOnBean(bean, RebuiltAggregateByAggregate.class).value())
                .findFirst();
        if (declared.isPresent() && !(application.getBean(EventProcessingConfiguration.class)
                .sequencingPolicy(readModel) instanceof SequentialPerAggregatePolicy)) {
            log.warn("Read model {} is not sequenced by aggregate: rebuilt from the store in order", readModel);
            return Optional.empty();
        }
        return declared;
    }

    private String groupOf(String bean) {
        ProcessingGroup group = application.findAnnotationOnBean(bean, ProcessingGroup.class);
        return group == null ? null : group.value();
    }

    /**
     * Reads the store once, up to {@code upTo}, and hands each chunk to every read model of the pass, each applying
     * them at its own pace, with at most {@link #AHEAD} chunks waiting for it. Ends once everything is read, once
     * every read model has been handed back, or as the query side stops. Only the events some read model of the pass
     * handles are decoded and handed on: those of the devices, most of the store, are decoded by the passes device by
     * device of the read models that handle them, and not again here for those that do not.
     */
    private void read(List<ReadModel> readModels, long upTo) {
        try (StoreReading events = StoreReading.inOrder("rebuild-reading-in-order", jdbc.getDataSource(), upTo,
                chunk, event -> readModels.stream().anyMatch(readModel -> readModel.handles(event)), serializer,
                upcasters)) {
            StoreReading.Events next;
            while (!stopping && !readModels.stream().allMatch(readModel -> readModel.handedBack)
                    && (next = nextOf(events)).stored() > 0) {
                for (ReadModel readModel : readModels) {
                    handOn(next, readModel);
                }
            }
        } catch (RuntimeException failure) {
            log.warn("A rebuild's reading of the store failed; its read models go on through their processors",
                    failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            readModels.forEach(readModel -> readModel.readingEnded = true);
        }
    }

    /** Waits while the read model is {@link #AHEAD} chunks behind; not once it has been handed back. */
    private static void handOn(StoreReading.Events chunk, ReadModel readModel) throws InterruptedException {
        while (!readModel.handedBack && !readModel.chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            // the read model is still applying earlier chunks
        }
    }

    /**
     * Applies the chunks as they are read, until the end of the reading or until the read model is handed back (a
     * chunk rolled back, the query side stopping, or anything else that ends this thread).
     */
    private void applyAll(ReadModel readModel, long upTo) {
        try {
            while (!readModel.handedBack && (!readModel.readingEnded || !readModel.chunks.isEmpty())) {
                StoreReading.Events chunk = readModel.chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    continue;
                }
                TrackingToken last = chunk.reached();
                if (stopping || !applied(readModel, chunk.events(), last)) {
                    handBack(readModel);
                } else {
                    readModel.progress = Progress.along(readModel.segments.length, position(last), upTo);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            if (!readModel.handedBack) {
                handBack(readModel);
            }
        }
    }

    /** The chunk's events the read model handles, applied with its tokens moved past the chunk: false if rolled back. */
    private boolean applied(ReadModel readModel, List<TrackedEventMessage<?>> chunk, TrackingToken last) {
        List<TrackedEventMessage<?>> handled = new ArrayList<>();
        for (TrackedEventMessage<?> event : chunk) {
            if (readModel.handles(event)) {
                handled.add(event);
            }
        }
        TrackingToken[] before = readModel.tokens.clone();
        readModel.advanceTo(last);
        try {
            if (handled.isEmpty()) {
                transactions.executeInTransaction(() -> readModel.storeTokens(claims));
                return true;
            }
            BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(handled);
            batch.attachTransaction(transactions);
            batch.onPrepareCommit(committing -> readModel.storeTokens(claims));
            ResultMessage<?> result = applyIn(batch, readModel);
            if (!batch.isRolledBack()) {
                return true;
            }
            if (!stopping) {
                log.warn("Read model {}: a chunk of its rebuild was rolled back; its processor applies it again",
                        readModel.name, result.exceptionResult());
            }
        } catch (RuntimeException failure) {
            log.warn("Read model {}: a chunk of its rebuild failed; its processor applies it again", readModel.name,
                    failure);
        }
        System.arraycopy(before, 0, readModel.tokens, 0, before.length);
        return false;
    }

    /**
     * The batch's events through the read model's interceptors and handlers, as its processor applies a batch: rolled
     * back at the first failure.
     */
    private ResultMessage<?> applyIn(BatchingUnitOfWork<TrackedEventMessage<?>> batch, ReadModel readModel) {
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, readModel.interceptors, event -> {
            if (stopping) { // given up, and applied by the processor at the next start
                throw new IllegalStateException("the query side is stopping");
            }
            readModel.apply(event);
            return APPLIED;
        }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
    }

    /**
     * Applies the read model's aggregates' events stored up to {@code upTo}, a few thousand aggregates at a time, and
     * moves its tokens there, all in one transaction (a million devices' rows are one transaction's work for
     * PostgreSQL): nothing of a pass that fails or is stopped midway is left, the read model empty as the pass
     * found it, its tokens at the store's start. The rows of each group of aggregates are new: written as the group
     * ends, none read ahead, and then let go, the memory held being a few groups'.
     */
    private void applyByAggregate(ReadModel readModel, long upTo) {
        TrackingToken[] before = readModel.tokens.clone();
        try (StoreReading events = StoreReading.byAggregate("rebuild-reading-" + readModel.name,
                jdbc.getDataSource(), readModel.aggregateType, upTo, AGGREGATES_OF, readModel::handles, serializer,
                upcasters)) {
            transactions.executeInTransaction(() -> {
                lookedUpByKeys();
                KeptCounts.Summed counts = new KeptCounts.Summed();
                long read = 0;
                for (var next = nextOf(events); next.stored() > 0; next = nextOf(events)) {
                    if (!next.events().isEmpty()) {
                        applyNewRows(readModel, next.events(), counts);
                    }
                    read += next.stored();
                    readModel.progress = new Progress(readModel.segments.length, 0, upTo,
                            Progress.percent(read, events.total()));
                }
                counts.write();
                readModel.advanceTo(events.reached());
                readModel.storeTokens(claims);
            });
        } catch (InterruptedException | RuntimeException failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.arraycopy(before, 0, readModel.tokens, 0, before.length);
            if (!stopping) {
                log.warn("Read model {}: its rebuild aggregate by aggregate failed, and left nothing; its processor"
                        + " applies the store to it again", readModel.name, failure);
            }
        } finally {
            handBack(readModel);
        }
    }

    /**
     * The pass's tables fill from empty within its one transaction. Vacuumed as the pass begins (autovacuum, after the
     * emptying), a table has its plans made again on its first few pages, and a connection keeps the plan of a
     * foreign key's check until the table's statistics change, which they cannot while the pass's rows are not
     * committed: the check of each medium's device then read every device, and a rebuild of the inventory took more
     * than a quarter of an hour instead of half a minute (docs/benchmarks.md). The pass finds rows by their keys
     * only: told not to scan a table where an index serves, the planner keeps to the key's index however few rows it
     * counts. (Planning each statement afresh instead cost a third of the pass.)
     */
    private void lookedUpByKeys() {
        if (onPostgres.isTrue()) {
            jdbc.execute("set local enable_seqscan = off");
        }
    }

    private static StoreReading.Events nextOf(StoreReading events) {
        try {
            return events.next();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store", interrupted);
        }
    }

    /**
     * One group of aggregates, on the pass's transaction, their kept counts' changes added to the pass's: a failure
     * fails the pass.
     */
    private void applyNewRows(ReadModel readModel, List<TrackedEventMessage<?>> events, KeptCounts.Summed counts) {
        BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        WritesPerBatch.newRowsOnly(batch);
        KeptCounts.summedIn(batch, counts);
        ResultMessage<?> result = applyIn(batch, readModel);
        if (batch.isRolledBack()) {
            throw new IllegalStateException("a group of aggregates could not be applied", result.exceptionResult());
        }
        session.flush();
        session.clear();
    }

    /** The task would not run again after any failure: none ends it. */
    private void keepClaims() {
        try {
            underWay.values().forEach(this::keepClaims);
        } catch (Throwable failure) {
            log.error("The claims of the read models being rebuilt could not be kept", failure);
        }
    }

    /**
     * Not once it is handed back: Axon extends a claim by taking it, a released one too, which would hold the
     * processor off until it lapsed. A failure here is the chunk's under way, whose tokens cannot then be stored,
     * should the claims lapse.
     */
    private void keepClaims(ReadModel readModel) {
        synchronized (readModel) {
            if (readModel.handedBack) {
                return;
            }
            try {
                transactions.executeInTransaction(() -> Arrays.stream(readModel.segments)
                        .forEach(segment -> claims.extendClaim(readModel.name, segment)));
            } catch (RuntimeException failure) {
                log.debug("Read model {}: its claims could not be extended", readModel.name, failure);
            }
        }
    }

    /**
     * Its indexes built again, its claims still kept meanwhile; then its processor takes its segments at its next
     * look, within seconds. Claims left behind lapse on their own.
     */
    private void handBack(ReadModel readModel) {
        try {
            transactions.executeInTransaction(() -> indexes.putBack(readModel.name));
        } catch (RuntimeException failure) {
            log.error("Read model {}: the indexes set aside for its rebuild could not be built again; the query"
                    + " side's next start builds them", readModel.name, failure);
        }
        synchronized (readModel) { // after any extension under way, and before any other
            readModel.handedBack = true;
        }
        try {
            transactions.executeInTransaction(() -> Arrays.stream(readModel.segments)
                    .forEach(segment -> claims.releaseClaim(readModel.name, segment)));
        } catch (RuntimeException failure) {
            log.warn("Read model {}: its segments could not be released; its processor takes them once the claims"
                    + " lapse", readModel.name, failure);
        } finally {
            long reached = Arrays.stream(readModel.tokens).mapToLong(OnePassRebuild::position).min().orElse(0);
            long upTo = readModel.progress.upTo();
            boolean cutShort = reached < upTo;
            if (cutShort) { // said rebuilt, from before it leaves the pass until its processor takes over
                handedBackShort.put(readModel.name, upTo);
            }
            underWay.remove(readModel.name, readModel);
            log.info("Read model {}: {} position {} of {}, handed back to its processor", readModel.name,
                    cutShort ? "its pass stopped at" : "applied in one pass up to", reached, upTo);
        }
    }

    /** A pass under way ends at its current chunk, its read models handed back, before the database is closed. */
    @EventListener
    void closing(ContextClosedEvent closed) {
        if (closed.getApplicationContext() != application) {
            return;
        }
        synchronized (this) {
            stopping = true;
        }
        try {
            for (Thread pass : List.copyOf(passes)) {
                pass.join(ENDED_WITHIN.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            claimsKept.shutdown(); // kept until the passes have ended
        }
    }

    /** Also when the app fails as it starts, which tells no listener it closes. */
    @PreDestroy
    void stopKeepingClaims() {
        claimsKept.shutdownNow();
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** One read model in a pass: its processor's handlers and interceptors, its segments and their tokens. */
    private static final class ReadModel {

        final String name;
        /** The aggregates' type it is rebuilt by, aggregate by aggregate: null when by the store in order. */
        final String aggregateType;
        /**
         * Its processor's handler invokers, flattened as Axon's {@link MultiEventHandlerInvoker} keeps them. That one
         * asks each, for every event, whether it supports a reset (through streams over all its handlers) and whether
         * it takes the event (matching its handlers and working out the event's sequence), and then has it handle the
         * event, which matches and sequences again: a few percent of a rebuild's CPU and of its allocations
         * (docs/benchmarks.md, "Each event handed to the invokers that take its type"). Here each event goes to the
         * invokers that take its type, as the processor would send it on one segment covering all: the pass's events
         * are not replays (their tokens are plain), so the multi-invoker would not pass any invoker over either.
         */
        private final List<EventHandlerInvoker> invokers;
        final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
        final int[] segments;
        final TrackingToken[] tokens;
        /** The chunks read and not yet applied. */
        final BlockingQueue<StoreReading.Events> chunks = new ArrayBlockingQueue<>(AHEAD);
        /** Set once the reading has put its last chunk. */
        volatile boolean readingEnded;
        /** Whether its processor has it again: written by its own applier, or as its applier cannot be started. */
        volatile boolean handedBack;
        /** How far it has come: its last chunk written. */
        volatile Progress progress;
        /** The invokers taking events of a type, asked once per type, by its applier and the store's reading. */
        private final Map<Class<?>, List<EventHandlerInvoker>> invokersByType = new ConcurrentHashMap<>();

        ReadModel(String name, String aggregateType, EventHandlerInvoker handlers,
                  List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors, int[] segments,
                  TrackingToken[] tokens) {
            this.name = name;
            this.aggregateType = aggregateType;
            this.invokers = handlers instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(handlers);
            this.interceptors = interceptors;
            this.segments = segments;
            this.tokens = tokens;
        }

        /** Its handlers look at each event further themselves, as for a processor. */
        boolean handles(EventMessage<?> event) {
            return !invokersOf(event).isEmpty();
        }

        void apply(EventMessage<?> event) throws Exception {
            for (EventHandlerInvoker invoker : invokersOf(event)) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
        }

        private List<EventHandlerInvoker> invokersOf(EventMessage<?> event) {
            return invokersByType.computeIfAbsent(event.getPayloadType(), type -> invokers.stream()
                    .filter(invoker -> invoker.canHandleType(type)).toList());
        }

        void advanceTo(TrackingToken position) {
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = WrappedToken.advance(tokens[i], position);
            }
        }

        void storeTokens(TokenStore claims) {
            for (int i = 0; i < segments.length; i++) {
                claims.storeToken(tokens[i], name, segments[i]);
            }
        }
    }
}
