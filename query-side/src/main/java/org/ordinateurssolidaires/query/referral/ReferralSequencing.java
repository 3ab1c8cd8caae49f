package org.ordinateurssolidaires.query.referral;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.serialization.SerializationException;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code referrals} processing group keeps a referral's row up to date from events of two aggregates: the
 * referral's own, and the allocations and hand-overs of devices, which name the referral. Sequenced by aggregate (Axon's
 * default), a device event would not wait behind its referral's parked events (it would be applied out of order, or
 * find no row and be lost). So every event that names a referral is sequenced by that referral: a device event then
 * queues up behind the referral's parked events, and a retry applies them in their order. Other events (partners)
 * keep their aggregate's sequence.
 * <p>
 * The same sequence puts an allocation in its referral's segment, so the group may be split (application.yml) and
 * still never apply an allocation before the referral it names ({@code ReferralsInSegmentsIT}). Changing this policy
 * on a running installation would move events from one segment to another mid-stream: reset the group when it
 * changes. Letters parked before it changed keep their old sequence (a device id) and are retried as they are.
 */
@Configuration
class ReferralSequencing {

    static final String PROCESSING_GROUP = "referrals";

    @Bean
    ConfigurerModule referralsSequencedByReferral() {
        return configurer -> configurer.eventProcessing()
                                       .registerSequencingPolicy(PROCESSING_GROUP, configuration -> policy());
    }

    static SequencingPolicy<EventMessage<?>> policy() {
        return new ByReferral();
    }

    /** The referral an event names ({@code referralId()}, as every referral event and some device events have). */
    private static final class ByReferral implements SequencingPolicy<EventMessage<?>> {

        private static final ClassValue<Optional<Method>> REFERRAL_ACCESSOR = new ClassValue<>() {
            @Override
            protected Optional<Method> computeValue(Class<?> type) {
                if (!type.isRecord()) {
                    return Optional.empty();
                }
                return Arrays.stream(type.getRecordComponents())
                             .filter(component -> component.getName().equals("referralId")
                                     && component.getType() == ReferralId.class)
                             .map(RecordComponent::getAccessor)
                             .findFirst();
            }
        };

        /**
         * An event whose payload this version cannot read (a newer app's value it does not know) keeps its
         * aggregate's sequence: asked for before any handler, a failure here would stop the whole group at that event,
         * where the handler's own failure to read it parks it alone.
         */
        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            Object referral = REFERRAL_ACCESSOR.get(event.getPayloadType())
                                               .map(accessor -> referralOf(accessor, event))
                                               .orElse(null);
            return referral != null ? referral.toString()
                    : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        }

        private static Object referralOf(Method accessor, EventMessage<?> event) {
            Object payload;
            try {
                payload = event.getPayload();
            } catch (SerializationException unreadable) {
                return null;
            }
            return invoke(accessor, payload);
        }

        private static Object invoke(Method accessor, Object payload) {
            try {
                return accessor.invoke(payload);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the referral of " + payload.getClass().getName(), e);
            }
        }
    }
}
