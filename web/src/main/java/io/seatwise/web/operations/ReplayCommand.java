package io.seatwise.web.operations;

import io.seatwise.web.SeatwiseApplication;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar seatwise.jar replay}: starts Seatwise without its web server in the Spring profile
 * {@value #PROFILE}, rebuilds every read model with a progress bar, prints a summary and exits 0, or non-zero with the
 * reason. The running application must be stopped first (its processors hold their tokens), which lets one processor
 * read the event store once for every read model ({@link ReplayConfiguration}); to replay while it runs, use
 * /admin/operations.
 */
public final class ReplayCommand {

    public static final String NAME = "replay";

    /**
     * The Spring profile of a replay run, which is no service: nobody is signed up as first admin, no demo data is
     * seeded, no mail is delivered, and SQLite is set up for large transactions ({@code application-replay.yml}).
     */
    public static final String PROFILE = "replay";

    private static final Duration PLAIN_LINE_EVERY = Duration.ofSeconds(1);

    private static final Duration POLL_EVERY = Duration.ofMillis(200);

    private ReplayCommand() {}

    public static boolean isReplay(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the replay with the arguments after "replay" as Spring settings; returns the exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, System.console() != null);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        var settings = new ArrayList<>(Arrays.asList(args).subList(isReplay(args) ? 1 : 0, args.length));
        var application = new SpringApplicationBuilder(SeatwiseApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(PROFILE)
                // Spring's and Axon's start-up chatter would tear the progress bar; warnings still show.
                .properties(
                        "logging.level.root=WARN",
                        "logging.level.io.seatwise=WARN",
                        "logging.level.org.springframework.core.annotation=ERROR")
                .logStartupInfo(false);
        try (var context = application.run(settings.toArray(String[]::new))) {
            out.println("Rebuilding the read models from the event store…");
            var printer = new Printer(out, terminal);
            var result = context.getBean(Replay.class).run(POLL_EVERY, printer::show);
            printer.end();
            if (result.state() != ReplayProgress.State.DONE) {
                err.println("Replay failed: " + result.error());
                return 1;
            }
            summary(out, result);
            return 0;
        } catch (RuntimeException failure) {
            err.println("Replay failed: " + reason(failure));
            return 1;
        }
    }

    private static void summary(PrintStream out, ReplayProgress result) {
        var processors = result.processors();
        long events = processors.isEmpty() ? 0 : processors.get(0).events();
        out.printf(
                Locale.ROOT,
                "Replayed %,d events into %d read models in %s (%,d ev/s)%n",
                events,
                processors.size(),
                ProgressBar.duration(result.elapsedMillis()),
                result.eventsPerSecond());
        int width = processors.stream()
                .mapToInt(processor -> processor.name().length())
                .max()
                .orElse(0);
        for (var processor : processors) {
            out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s  %,12d events  %8s%n",
                    processor.name(),
                    processor.processed(),
                    ProgressBar.duration(Math.max(0, processor.tookMillis())));
        }
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure
                ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getMessage() + ")";
    }

    /** Redraws one line on a terminal; elsewhere writes a line a second, so that logs stay readable. */
    private static final class Printer {

        private final PrintStream out;
        private final boolean terminal;
        private long lastLineAt;
        private String lastLine;

        Printer(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        void show(ReplayProgress progress) {
            var line = ProgressBar.line(progress);
            if (terminal) {
                out.print("\r" + line);
                out.flush();
                return;
            }
            long now = System.nanoTime();
            boolean due = lastLine == null
                    || now - lastLineAt >= PLAIN_LINE_EVERY.toNanos()
                    || progress.state().finished();
            if (due && !line.equals(lastLine)) {
                out.println(line);
                lastLine = line;
                lastLineAt = now;
            }
        }

        void end() {
            if (terminal) {
                out.println();
            }
        }
    }
}
