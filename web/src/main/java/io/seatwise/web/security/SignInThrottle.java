package io.seatwise.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.seatwise.web.SeatwiseProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on the sign-in form and the token endpoint alike. Failures are counted per account
 * (the email as typed, known or not, so the answer tells nothing about which emails exist) and per client address,
 * each in a window that starts with the first failure. Once either count reaches its limit, every sign-in for that
 * account or from that client is refused, right password or not, until the window ends: a guesser must not learn
 * that a guess was right. A successful sign-in clears its account's count.
 *
 * <p>Counts live in memory, bounded in size; a restart forgets them, and nodes sharing a database count apart.
 */
@Component
public class SignInThrottle {

    /** Request attribute holding the whole minutes a refused sign-in must wait, for the sign-in page. */
    public static final String WAIT_MINUTES_ATTRIBUTE = "io.seatwise.signIn.waitMinutes";

    private static final int MAX_TRACKED = 100_000;

    private final int maxPerAccount;
    private final int maxPerClient;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> clients;

    SignInThrottle(SeatwiseProperties properties, Clock clock) {
        var limits = properties.signIn();
        this.maxPerAccount = limits.maxFailuresPerAccount();
        this.maxPerClient = limits.maxFailuresPerClient();
        this.window = limits.failureWindow();
        this.clock = clock;
        this.accounts = failureCache();
        this.clients = failureCache();
    }

    /** Failures of one key since {@code since}; forgotten once the window after {@code since} has passed. */
    private record Failures(int count, Instant since) {}

    /** Whole seconds for a Retry-After header, rounded up so that a client which waits that long is let in. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** How long the sign-in must wait, or nothing when it may go ahead. */
    public Optional<Duration> waitBefore(String email, String client) {
        var now = clock.instant();
        return Stream.of(
                        waitFor(accounts.getIfPresent(accountKey(email)), maxPerAccount, now),
                        waitFor(clients.getIfPresent(client), maxPerClient, now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    public void failed(String email, String client) {
        var now = clock.instant();
        count(accounts, accountKey(email), now);
        count(clients, client, now);
    }

    public void succeeded(String email) {
        accounts.invalidate(accountKey(email));
    }

    private Cache<String, Failures> failureCache() {
        return Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfter(Expiry.<String, Failures>creating((key, failures) -> window))
                .build();
    }

    private void count(Cache<String, Failures> cache, String key, Instant now) {
        cache.asMap()
                .compute(
                        key,
                        (ignored, failures) -> failures == null || !now.isBefore(end(failures))
                                ? new Failures(1, now)
                                : new Failures(failures.count() + 1, failures.since()));
    }

    private Optional<Duration> waitFor(Failures failures, int limit, Instant now) {
        if (failures == null || failures.count() < limit || !now.isBefore(end(failures))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, end(failures)));
    }

    private Instant end(Failures failures) {
        return failures.since().plus(window);
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
