package io.seatwise.web.security;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.AccountRules;
import io.seatwise.command.account.Credentials;
import io.seatwise.command.booking.BookingRules;
import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.page.Formats;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.page.SeatLabels;
import io.seatwise.web.storage.ThrottleBuckets;
import io.seatwise.web.throttle.ThrottleProperties;
import io.seatwise.web.throttle.Throttles;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a web slice needs beyond Spring's MVC beans: the security rules, the pages' helpers, and stand-ins for the two
 * security beans that read the database (accounts and the token key). Sign-ins in slices come from {@link #user()} and
 * {@link #admin()}.
 */
@TestConfiguration
@EnableConfigurationProperties({SeatwiseProperties.class, AccountRules.class, ThrottleProperties.class})
@Import({
    SecurityConfiguration.class,
    SignInThrottle.class,
    SessionSignIn.class,
    Throttles.class,
    Formats.class,
    PageRefusals.class,
    SeatLabels.class
})
public class WebSliceConfiguration {

    public static final AccountId USER_ID = AccountId.of("user-in-a-slice");
    public static final AccountId ADMIN_ID = AccountId.of("admin-in-a-slice");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The throttles' buckets in memory, as on SQLite. */
    @Bean
    ProxyManager<String> throttleBuckets() {
        return ThrottleBuckets.inMemory();
    }

    @Bean
    BookingRules bookingRules() {
        return BookingRules.defaults();
    }

    @Bean
    UserDetailsService noAccounts() {
        return email -> {
            throw new UsernameNotFoundException("No accounts in a web slice");
        };
    }

    @Bean
    JwtDecoder noTokens() {
        return token -> {
            throw new BadJwtException("No tokens in a web slice");
        };
    }

    @Bean
    TokenAuthentication noTokenAccounts() {
        return new TokenAuthentication(accountId -> Optional.empty());
    }

    /** A signed-in user of the browser UI, as form login leaves one. */
    public static RequestPostProcessor user() {
        return signedIn(USER_ID, Role.USER);
    }

    public static RequestPostProcessor admin() {
        return signedIn(ADMIN_ID, Role.ADMIN);
    }

    private static RequestPostProcessor signedIn(AccountId accountId, Role role) {
        var user = new SeatwiseUser(
                new Credentials(accountId, accountId.value() + "@example.com", "Slice " + role, "{noop}unused", role));
        return SecurityMockMvcRequestPostProcessors.user(user);
    }
}
