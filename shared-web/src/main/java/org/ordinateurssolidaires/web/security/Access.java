package org.ordinateurssolidaires.web.security;

/**
 * Who may call an operation, as {@code @PreAuthorize} expressions: every operation of either API carries one of
 * these (an architecture test checks it), so that the rules read beside the code they guard. Which partner's or
 * donor's things a partner's or donor's account may reach is checked in the operation itself, with
 * {@link Caller}, and another's are answered as not found.
 */
public final class Access {

    public static final String ANYONE = "permitAll()";
    public static final String SIGNED_IN = "isAuthenticated()";
    public static final String ADMIN = "hasRole('ADMIN')";
    public static final String STAFF = "hasRole('STAFF')";
    public static final String DONOR = "hasRole('DONOR')";
    public static final String PARTNER = "hasRole('PARTNER')";
    public static final String AUDITOR = "hasRole('AUDITOR')";
    public static final String STAFF_OR_PARTNER = "hasAnyRole('STAFF', 'PARTNER')";
    public static final String STAFF_OR_DONOR = "hasAnyRole('STAFF', 'DONOR')";
    public static final String STAFF_OR_AUDITOR = "hasAnyRole('STAFF', 'AUDITOR')";

    private Access() {
    }
}
