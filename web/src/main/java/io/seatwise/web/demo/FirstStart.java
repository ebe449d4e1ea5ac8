package io.seatwise.web.demo;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.account.Registrations;
import io.seatwise.web.storage.NodeLock;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a fresh installation usable: creates the first admin when there is none, and seeds demo data when the
 * database was empty at start (unless {@code SEATWISE_DEMO=false}). A replay run (profile replay) only rebuilds read models.
 */
@Component
@Profile("!replay")
class FirstStart implements ApplicationRunner {

    static final String DEFAULT_ADMIN_EMAIL = "admin@seatwise.local";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final SeatwiseProperties properties;
    private final AccountDirectory directory;
    private final Registrations registrations;
    private final DemoData demoData;
    private final JdbcTemplate jdbc;
    private final NodeLock nodeLock;

    FirstStart(
            SeatwiseProperties properties,
            AccountDirectory directory,
            Registrations registrations,
            DemoData demoData,
            JdbcTemplate jdbc,
            NodeLock nodeLock) {
        this.properties = properties;
        this.directory = directory;
        this.registrations = registrations;
        this.demoData = demoData;
        this.jdbc = jdbc;
        this.nodeLock = nodeLock;
    }

    /** One node at a time: of several nodes that start together on an empty database, only the first seeds it. */
    @Override
    public void run(ApplicationArguments args) {
        nodeLock.exclusively("seatwise-first-start", () -> {
            boolean emptyAtStart = eventStoreIsEmpty();
            ensureAdmin();
            if (emptyAtStart && !Boolean.FALSE.equals(properties.demo())) {
                demoData.seed();
            }
        });
    }

    private boolean eventStoreIsEmpty() {
        Integer events = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Integer.class);
        return events == null || events == 0;
    }

    private void ensureAdmin() {
        var configured = properties.admin();
        var email = configured.email() == null || configured.email().isBlank() ? null : configured.email();
        if (email == null && directory.anyAdmin()) {
            return;
        }
        if (email != null && directory.findByEmail(email).isPresent()) {
            return;
        }
        var password = configured.password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generatePassword();
        }
        var adminEmail = email == null ? DEFAULT_ADMIN_EMAIL : email;
        try {
            registrations.registerVerified(adminEmail, password, "Administrator", Role.ADMIN);
        } catch (DomainException e) {
            if (e.refusal() == Refusal.Plain.EMAIL_TAKEN) {
                return; // another node created it at the same moment
            }
            throw e;
        }
        if (generated) {
            log.warn(
                    "\n\n    Created the first admin {} with the generated password: {}\n"
                            + "    It is shown only this once; set SEATWISE_ADMIN_EMAIL and SEATWISE_ADMIN_PASSWORD to"
                            + " choose your own.\n",
                    adminEmail,
                    password);
        } else {
            log.info("Created the first admin {}", adminEmail);
        }
    }

    private static String generatePassword() {
        var bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
