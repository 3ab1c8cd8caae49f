package org.ordinateurssolidaires.store;

/**
 * The embedded default's H2 database is a file that both apps open; the first one to open it also serves it to
 * the second over TCP (H2's {@code AUTO_SERVER}), a server that H2 opens on every interface of the machine
 * unless told otherwise. Households' personal data is in that file: it stays on this machine.
 */
public final class EmbeddedDatabase {

    /** H2's own system property for the address its servers listen on. */
    static final String BIND_ADDRESS = "h2.bindAddress";

    private EmbeddedDatabase() {
    }

    /** Call first in {@code main}, before H2 is loaded: it reads the property once. An address set already wins. */
    public static void listenOnLoopbackUnlessConfigured() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }
}
