package io.seatwise.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * The application started the way {@code java -jar} starts it, outside Spring's test support, on a data folder of the
 * caller's choosing: for tests that stop and start it again, or that must see it as production does.
 */
public final class StandaloneApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts on the calling thread, on a random port, with the test admin and no demo data. */
    public static StandaloneApplication start(Path dataDir) {
        return new StandaloneApplication(builder().run(arguments(dataDir)));
    }

    /**
     * Starts as {@link #start(Path)} does, with more settings such as {@code --spring.mail.port=2525}; a setting given
     * here replaces the default one of the same name (Spring would join the two into one value).
     */
    public static StandaloneApplication start(Path dataDir, String... settings) {
        var arguments = new ArrayList<>(List.of(arguments(dataDir)));
        for (var setting : settings) {
            arguments.removeIf(argument -> name(argument).equals(name(setting)));
        }
        arguments.addAll(List.of(settings));
        return new StandaloneApplication(builder().run(arguments.toArray(String[]::new)));
    }

    private static String name(String argument) {
        var equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    /**
     * Starts on a thread of its own whose stack holds no test framework, as in production: libraries that switch
     * themselves off under a test runner (Axon's update checker does) then behave as they would in the field.
     */
    public static StandaloneApplication startOutsideTestRunner(Path dataDir)
            throws InterruptedException, TimeoutException {
        var started = new CompletableFuture<ConfigurableApplicationContext>();
        var main = new Thread(
                () -> {
                    try {
                        started.complete(builder().run(arguments(dataDir)));
                    } catch (Throwable failure) {
                        started.completeExceptionally(failure);
                    }
                },
                "standalone-main");
        main.start();
        try {
            return new StandaloneApplication(started.get(2, TimeUnit.MINUTES));
        } catch (ExecutionException e) {
            throw new IllegalStateException("The application did not start", e.getCause());
        }
    }

    /**
     * Starts two nodes at the same moment, each on a data folder of its own, with the same settings: their contexts
     * refresh together (migrations, the first start's seeding, the processors' claims) as on two machines. Only the
     * logging set-up before it is taken in turn: Spring Boot configures the one Logback of the JVM, and two applications
     * configuring it at once can break it (spring-boot#5669), which separate machines never share.
     */
    public static List<StandaloneApplication> startTwoNodes(String... settings) throws Exception {
        var starts = Executors.newFixedThreadPool(2);
        try {
            Callable<StandaloneApplication> start = () -> start(Files.createTempDirectory("seatwise-node-"), settings);
            var first = starts.submit(start);
            var second = starts.submit(start);
            return List.of(first.get(3, TimeUnit.MINUTES), second.get(3, TimeUnit.MINUTES));
        } catch (ExecutionException e) {
            throw new IllegalStateException("A node did not start: " + e.getCause(), e.getCause());
        } finally {
            starts.shutdownNow();
        }
    }

    private static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SeatwiseApplication.class).listeners(new LoggingSetUpInTurn());
    }

    /**
     * Lets one application at a time through from its start to its prepared context, the stretch in which Spring Boot
     * configures logging; the refresh that follows runs freely.
     */
    private static final class LoggingSetUpInTurn implements ApplicationListener<SpringApplicationEvent>, Ordered {

        private static final Semaphore TURN = new Semaphore(1);

        private boolean holding;

        @Override
        public void onApplicationEvent(SpringApplicationEvent event) {
            if (event instanceof ApplicationStartingEvent) {
                TURN.acquireUninterruptibly();
                holding = true;
            } else if (holding
                    && (event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent)) {
                holding = false;
                TURN.release();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /**
     * The settings go in as command-line arguments: the builder's {@code properties(...)} are only defaults, and
     * {@code application.yml} overrides them ({@code server.port: 8080} and {@code seatwise.data-dir: ./data} win).
     * The throttles per client are lifted as for {@link ApplicationTest#UNTHROTTLED}.
     */
    private static String[] arguments(Path dataDir) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--seatwise.data-dir=" + dataDir,
                "--seatwise.demo=false",
                "--seatwise.admin.email=" + ApplicationTest.ADMIN_EMAIL,
                "--seatwise.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
                // as in ApplicationTest: the users that tests register book at once; a test of verification turns it on
                "--seatwise.accounts.verify-email=false",
                // no load balancer to wait for when it stops; a test of the drain sets its own
                "--seatwise.shutdown.drain=0"));
        ApplicationTest.UNTHROTTLED.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments.toArray(String[]::new);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public ApiClient api() {
        return new ApiClient(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
