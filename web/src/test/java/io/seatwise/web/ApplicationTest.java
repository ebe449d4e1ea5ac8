package io.seatwise.web;

import io.seatwise.command.account.AccountRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a random port, over a real SQLite file in a fresh temporary folder, with a known admin and
 * no demo data. Spring caches the context, so test classes with the same configuration share one application and its
 * database: tests create the venues, events and users they look at, and never count what others may have added.
 *
 * <p>Accounts need not verify their address here ({@code seatwise.accounts.verify-email=false}), so that the users
 * that tests register may book at once and the mail they look at holds no verification mail. The tests of verified
 * addresses turn it on for an application of their own ({@code @TestPropertySource(properties =
 * "seatwise.accounts.verify-email=true")}), where {@link ApiClient} then verifies the users it registers through the
 * mailed link ({@link #mailedVerificationToken}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "seatwise.accounts.verify-email=false")
public abstract class ApplicationTest {

    public static final String ADMIN_EMAIL = "admin@test.seatwise";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    /** The data directory of the application under test; set before each test from the running context. */
    protected static Path dataDir;

    /** The token of a verification link as mails carry it. */
    public static final Pattern VERIFICATION_LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]{20,})");

    @Autowired
    private SeatwiseProperties properties;

    @Autowired
    private AccountRules accountRules;

    @Autowired
    private JdbcTemplate jdbc;

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void seatwise(DynamicPropertyRegistry registry) throws Exception {
        var directory = Files.createTempDirectory("seatwise-test-");
        registry.add("seatwise.data-dir", directory::toString);
        registry.add("seatwise.demo", () -> "false");
        registry.add("seatwise.admin.email", () -> ADMIN_EMAIL);
        registry.add("seatwise.admin.password", () -> ADMIN_PASSWORD);
        // no load balancer to wait for when a test's application stops
        registry.add("seatwise.shutdown.drain", () -> "0");
        UNTHROTTLED.forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * Every test client comes from this machine's address: the throttles per client are lifted (only wrong passwords
     * for one account still count), and loopback is a trusted proxy, so a test may say which client it is with
     * X-Forwarded-For. The throttles' own tests start applications of their own with small limits.
     */
    public static final Map<String, String> UNTHROTTLED = Map.of(
            "seatwise.throttle.sign-ins", "1000000/1m",
            "seatwise.throttle.registrations", "1000000/1m",
            "seatwise.throttle.password-resets", "1000000/1m",
            "seatwise.live.max-streams-per-client", "1000000",
            "seatwise.trusted-proxies", "127.0.0.1,::1");

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        if (accountRules.verifyEmail()) {
            api.verifyingWith(this::mailedVerificationToken);
        }
        dataDir = properties.dataDir();
    }

    /**
     * The token of the newest verification link mailed to the address, as the mail kept in the outbox carries it
     * (without an SMTP server mail is kept whole; a test that sends mail over SMTP reads it from its server instead).
     */
    protected String mailedVerificationToken(String email) {
        var token = new String[1];
        eventually(() -> {
            var texts = jdbc.queryForList(
                    "SELECT text_body FROM mail_outbox WHERE kind = 'EMAIL_VERIFICATION' AND lower(recipient) = ?"
                            + " ORDER BY created_at DESC",
                    String.class,
                    email.toLowerCase(java.util.Locale.ROOT));
            var link = texts.isEmpty() ? null : VERIFICATION_LINK.matcher(texts.get(0));
            if (link == null || !link.find()) {
                return false;
            }
            token[0] = link.group(1);
            return true;
        });
        return token[0];
    }

    protected String adminToken() {
        return api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /**
     * Creates a venue and schedules an event there in {@code days} days, then waits until the read side shows the
     * event and its seat map.
     */
    protected String eventOnSale(String venue, int rows, int seatsPerRow, String title, int days) {
        var admin = adminToken();
        var eventId = api.scheduleEvent(admin, api.createVenue(admin, venue, rows, seatsPerRow), title, inDays(days));
        eventually(() -> api.get("/api/events/" + eventId).status() == 200
                && api.get("/api/events/" + eventId + "/seats").status() == 200);
        return eventId;
    }

    protected static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    /** Waits for the eventually consistent read side; fails when the condition does not hold within 5 seconds. */
    public static void eventually(BooleanSupplier condition) {
        eventually(Duration.ofSeconds(5), condition);
    }

    /** Waits for the eventually consistent read side; fails when the condition does not hold within the time given. */
    public static void eventually(Duration within, BooleanSupplier condition) {
        var deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + within.toMillis() + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
