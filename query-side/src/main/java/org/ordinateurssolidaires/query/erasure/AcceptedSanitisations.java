package org.ordinateurssolidaires.query.erasure;

import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An erasure policy in its reader's words ("Purge — technique : Effacement par blocs — vérification : au choix"),
 * for the pages and documents: the API and the configuration keep its codes ({@code PURGE/BLOCK_ERASE/*}).
 */
@Component
public class AcceptedSanitisations {

    private final MessageSource messages;

    AcceptedSanitisations(MessageSource messages) {
        this.messages = messages;
    }

    /** Each media type's accepted sanitisations, said one by one, in the order the policy gives them. */
    public Map<MediaType, List<String>> inWords(ErasurePolicy policy, Locale locale) {
        Map<MediaType, List<String>> words = new EnumMap<>(MediaType.class);
        for (MediaType type : MediaType.values()) {
            words.put(type, policy.kindsAcceptedFor(type).stream().map(kind -> say(kind, locale)).toList());
        }
        return words;
    }

    /** The same, of a policy as written (an audit report's). */
    public Map<MediaType, List<String>> inWords(Map<MediaType, List<String>> written, Locale locale) {
        return inWords(new ErasurePolicy(written), locale);
    }

    private String say(ErasurePolicy.Accepted kind, Locale locale) {
        String any = messages.getMessage("sanitisation.any", null, locale);
        return messages.getMessage("sanitisation.kind", new Object[] {
                messages.getMessage("level." + kind.level(), null, locale),
                kind.technique() == null ? any : messages.getMessage("technique." + kind.technique(), null, locale),
                kind.verification() == null ? any
                        : messages.getMessage("verification." + kind.verification(), null, locale)}, locale);
    }
}
