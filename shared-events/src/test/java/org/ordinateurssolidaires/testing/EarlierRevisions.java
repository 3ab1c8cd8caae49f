package org.ordinateurssolidaires.testing;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.Upcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Events as an earlier revision stored them (the golden files of {@code GoldenEventFilesTest}), for an app's tests
 * to check that the upcasters it registered with Axon read them as the current revision.
 */
public final class EarlierRevisions {

    private EarlierRevisions() {
    }

    /** The revision each earlier-revision event is read as, through {@code upcasters}. */
    public static List<String> readThrough(Upcaster<IntermediateEventRepresentation> upcasters, Serializer serializer) {
        return upcasters.upcast(Stream.of(stored(ReferralSubmitted.class, "1", serializer)))
                        .map(read -> read.getType().getName() + " revision " + read.getType().getRevision())
                        .toList();
    }

    private static IntermediateEventRepresentation stored(Class<?> type, String revision, Serializer serializer) {
        String file = "/golden-events/" + type.getSimpleName() + ".rev" + revision + ".json";
        try (InputStream golden = EarlierRevisions.class.getResourceAsStream(file)) {
            return new InitialEventRepresentation(new GenericDomainEventEntry<>("Aggregate", "aggregate-1", 0,
                    "event-1", Instant.parse("2026-03-02T09:15:00Z"), type.getName(), revision,
                    golden.readAllBytes(), "{}".getBytes(StandardCharsets.UTF_8)), serializer);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(file, unreadable);
        }
    }
}
