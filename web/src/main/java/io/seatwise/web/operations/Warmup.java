package io.seatwise.web.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A server that is fast from its first request. A JVM compiles the code it runs often only after running it a while;
 * on two cores the compilers take one of them for the first minute of load, and a sale that opens on a freshly
 * started server would meet it at half speed. So before the server opens its port it starts once more on a throwaway
 * database in a temporary folder, books seats there through its own HTTP API from a few clients for {@code
 * seatwise.warmup}, and stops; the compiled code stays in the JVM, and the server proper then starts on the real data
 * and answers its first requests as a warm server does. Nothing of the rehearsal reaches the real database, its mail
 * is never sent, and its folder is deleted. Until the server proper has started its port is closed, so a load
 * balancer or {@code /actuator/health} sees it as not yet up.
 *
 * @param warmup how long the rehearsal books; {@code 0} starts at once (the tests' applications never rehearse)
 */
@ConfigurationProperties("seatwise")
public record Warmup(@DefaultValue("30s") Duration warmup) {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    /** The setting as the command line or the environment ({@code SEATWISE_WARMUP}) gives it. */
    public static Warmup of(String[] args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("seatwise", Bindable.of(Warmup.class));
    }

    /**
     * Rehearses with an application that {@code start} builds from the given arguments, and answers how many bookings
     * it decided; a rehearsal that fails is reported and the server starts all the same, only not warm.
     */
    public long rehearse(Function<String[], ConfigurableApplicationContext> start) {
        if (warmup.isZero() || warmup.isNegative()) {
            return 0;
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("seatwise-warmup-");
            log.info(
                    "Warming up for {} s before opening the port (SEATWISE_WARMUP=0 starts at once)",
                    warmup.toSeconds());
            long started = System.nanoTime();
            var rehearsal = WarmupLoad.CREDENTIALS;
            try (var context = start.apply(arguments(folder, rehearsal))) {
                int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
                var booked = new WarmupLoad(port, rehearsal).run(warmup);
                log.info(
                        "Warmed up in {} s: {} bookings decided; now starting on the real data",
                        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                        booked);
                return booked;
            }
        } catch (RuntimeException | IOException e) {
            log.warn("The warm-up failed ({}); starting without it", e.toString());
            return 0;
        } finally {
            delete(folder);
        }
    }

    /**
     * The rehearsal's own settings, after the server's (so they win): any free port, the temporary folder on SQLite,
     * an admin of its own, no demo data, no SMTP server (mail is only kept), nobody to verify, no throttles, quiet logs,
     * and a stop without the drain.
     */
    private static String[] arguments(Path folder, WarmupLoad.Credentials admin) {
        return List.of(
                        "--server.port=0",
                        "--seatwise.data-dir=" + folder,
                        "--spring.datasource.url=",
                        "--seatwise.demo=false",
                        "--seatwise.admin.email=" + admin.email(),
                        "--seatwise.admin.password=" + admin.password(),
                        "--seatwise.accounts.verify-email=false",
                        "--seatwise.booking.max-seats-per-account=0",
                        // no load balancer watches the rehearsal: it stops at once
                        "--seatwise.shutdown.drain=0",
                        "--seatwise.throttle.sign-ins=1000000/1m",
                        "--seatwise.throttle.registrations=1000000/1m",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level." + Warmup.class.getName() + "=INFO")
                .toArray(String[]::new);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the warm-up's folder {}", folder);
        }
    }
}
