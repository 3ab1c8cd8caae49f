package org.ordinateurssolidaires.web.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;

/**
 * An account kept in the programme's own database, as Spring Security signs it in; once signed in, it keeps no
 * password hash (a browser's session holds it).
 */
final class LocalAccount implements UserDetails, CredentialsContainer, Caller.SignedIn {

    private final Caller caller;
    private String passwordHash;
    private final boolean enabled;

    LocalAccount(Caller caller, String passwordHash, boolean enabled) {
        this.caller = caller;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LocalAccount[" + caller.username() + "]"; // never the hash
    }
}
