package org.ordinateurssolidaires.web.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person does in the programme (docs/security.md). An account holds at most one programme role, and may
 * also be an admin or read the metrics: the programme role is the one its commands are recorded under.
 */
public enum Role {
    /** Manages accounts, and nothing else unless also given a programme role. */
    ADMIN(false),
    /** Runs the programme: every operation, and the households' personal data (each read logged). */
    STAFF(true),
    /** A partner organisation (bound to one): refers households, follows its own referrals. */
    PARTNER(true),
    /** A donor (bound to one): its own gifts, reports, certificates and batches. */
    DONOR(true),
    /** Verifies the history and the erasure of data, read only, never personal data. */
    AUDITOR(true),
    /**
     * Reads the apps' metrics (the actuator's), and nothing else: what a metrics scraper signs in with, rather than
     * an admin's credentials, which open and change accounts.
     */
    MONITORING(false);

    private final boolean inProgramme;

    Role(boolean inProgramme) {
        this.inProgramme = inProgramme;
    }

    /** A programme role: an account holds one at most, the one its commands are recorded under. */
    public boolean inProgramme() {
        return inProgramme;
    }

    /** Whether {@code roles} hold one programme role at most, as an account's must (a null is no role). */
    public static boolean oneProgrammeRoleAtMost(Collection<Role> roles) {
        return roles.stream().filter(role -> role != null && role.inProgramme()).distinct().count() <= 1;
    }

    /** The authority Spring Security checks, as {@code hasRole('STAFF')} reads it. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role as events' metadata and the API name it: {@code staff}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }

    /** The roles as the {@code account} table keeps them: their codes, comma-separated, in a stable order. */
    public static String stored(Collection<Role> roles) {
        return roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
    }

    /** The roles the {@code account} table keeps (see {@link #stored}); a code it cannot hold is a fault. */
    public static Set<Role> ofStored(String codes) {
        return Arrays.stream(codes.split(",")).map(code -> ofCode(code).orElseThrow(
                () -> new IllegalStateException("no role " + code))).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Role.class)));
    }
}
