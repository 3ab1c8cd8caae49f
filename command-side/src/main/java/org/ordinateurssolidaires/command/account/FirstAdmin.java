package org.ordinateurssolidaires.command.account;

import org.ordinateurssolidaires.command.account.AccountRequests.AccountAccess;
import org.ordinateurssolidaires.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A fresh installation's first account, {@code admin}, in the admin and staff roles so that the programme can be
 * run at once. Its password is {@code ORDINATEURS_ADMIN_PASSWORD} at the first start; where that is unset and a
 * file is configured (the embedded default: {@code data/admin-password}), a random one is written there, readable
 * by its owner only. Never a default password: without either, the first start fails.
 */
@Component
@Order(0) // before anything else that runs at start-up signs in (the demo seeder)
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final String password;
    private final String passwordFile;

    FirstAdmin(Accounts accounts, @Value("${ordinateurs.admin-password:}") String password,
               @Value("${ordinateurs.admin-password-file:}") String passwordFile) {
        this.accounts = accounts;
        this.password = password;
        this.passwordFile = passwordFile;
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        if (!accounts.all().isEmpty()) {
            return;
        }
        AccountAccess adminAndStaff = new AccountAccess(List.of(Role.ADMIN, Role.STAFF), null, null);
        if (!password.isEmpty()) {
            if (password.length() < 12 || !AccountRequests.Passwords.hashable(password)
                || !AccountRequests.Passwords.longEnough(password)) {
                throw new IllegalStateException("ORDINATEURS_ADMIN_PASSWORD must have 12 to 64 characters, at most"
                        + " 72 bytes in UTF-8");
            }
            if (AccountRequests.Passwords.guessable(password, USERNAME)) { // held to what an admin's request is
                throw new IllegalStateException("ORDINATEURS_ADMIN_PASSWORD " + AccountRequests.Passwords.GUESSABLE);
            }
            if (accounts.openUnlessTaken(USERNAME, password, adminAndStaff, USERNAME)) {
                log.info("Opened the first account, {}, with the password ORDINATEURS_ADMIN_PASSWORD gave", USERNAME);
            }
            return;
        }
        if (passwordFile.isEmpty()) {
            throw new IllegalStateException("No account exists yet: set ORDINATEURS_ADMIN_PASSWORD (12 to 64"
                    + " characters) for the first start, the password of the first account, admin");
        }
        String generated = Accounts.newPassword();
        if (accounts.openUnlessTaken(USERNAME, generated, adminAndStaff, USERNAME)) {
            Path file = Path.of(passwordFile).toAbsolutePath();
            SecretFiles.writeForOwnerOnly(file, generated);
            log.warn("Opened the first account, {}: its password is in {}, readable by you only. Sign in, then"
                     + " change it or open accounts of your own (docs/security.md)", USERNAME, file);
        }
    }
}
