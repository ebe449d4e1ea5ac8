package io.seatwise.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code web/target/seatwise.jar}) run by {@code java -jar} as a process of its own, the way an
 * operator runs it, with the test admin and no demo data: for tests that kill it as only another process can be killed.
 * Its output goes to a file beside the data folder. The jar is built at {@code package}, so tests that use this run in
 * the integration-test phase ({@code *IT}, Maven Failsafe).
 */
public final class SeatwiseProcess implements AutoCloseable {

    /** Exit statuses of a JVM ended by a signal: 128 + the signal's number. */
    public static final int KILLED_BY_SIGKILL = 128 + 9;

    public static final int ENDED_BY_SIGTERM = 128 + 15;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final int port;
    private final Path output;

    private SeatwiseProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * The JVM options of a test process: a small heap and the quick compiler only, with which a start takes about half
     * the CPU time (three starts per test class on two cores notice); they change nothing about what the application
     * does.
     */
    private static final List<String> QUICK_START = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    /**
     * Starts the jar on the data folder with the settings given ({@code --spring.mail.port=2525}, …) and waits until
     * {@code /actuator/health} answers UP. It listens on a free port, or on the one a {@code --server.port} setting
     * names (a node started again where a load balancer expects it). Its output goes to {@code <name>.log} beside the data folder.
     */
    public static SeatwiseProcess start(Path dataDir, String name, String... settings) throws IOException {
        return start(dataDir, name, QUICK_START, settings);
    }

    /** Starts as {@link #start(Path, String, String...)} does, with JVM options of the caller's instead. */
    public static SeatwiseProcess start(Path dataDir, String name, List<String> jvmOptions, String... settings)
            throws IOException {
        int port = freePort();
        for (var setting : settings) {
            if (name(setting).equals("--server.port")) {
                port = Integer.parseInt(setting.substring(setting.indexOf('=') + 1));
            }
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        var arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--seatwise.data-dir=" + dataDir,
                "--seatwise.demo=false",
                "--seatwise.admin.email=" + ApplicationTest.ADMIN_EMAIL,
                "--seatwise.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
                // as in ApplicationTest: the users that tests and benchmarks register book at once
                "--seatwise.accounts.verify-email=false",
                // a test starts the server many times and measures no speed: no rehearsal before the start
                "--seatwise.warmup=0",
                // nor a drain before it stops: no load balancer watches it
                "--seatwise.shutdown.drain=0"));
        ApplicationTest.UNTHROTTLED.forEach((setting, value) -> arguments.add("--" + setting + "=" + value));
        // a setting given replaces the default of the same name (Spring would join the two into one value)
        for (var setting : settings) {
            arguments.removeIf(argument -> name(argument).equals(name(setting)));
        }
        arguments.addAll(List.of(settings));
        command.addAll(arguments);
        var output = dataDir.resolveSibling(name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // Only the settings given count: nothing from the environment this test runs in (CI's database, say).
        builder.environment().keySet().removeIf(key -> key.startsWith("SEATWISE_") || key.startsWith("SPRING_"));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        var process = builder.start();
        // Should the test JVM itself be ended (a build timeout), the process must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        var started = new SeatwiseProcess(process, port, output);
        started.awaitReady();
        return started;
    }

    private static String name(String argument) {
        var equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    /** The jar that Maven packaged: Failsafe names it; from an IDE, the one in {@code target}. */
    public static Path jar() {
        var jar = Path.of(System.getProperty("seatwise.jar", "target/seatwise.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn package first");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() {
        var api = api();
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Seatwise exited with " + process.exitValue() + " while starting:\n" + output());
            }
            try {
                var health = api.get("/actuator/health");
                if (health.status() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            sleep(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        throw new IllegalStateException("Seatwise did not get ready within " + START_TIMEOUT + ":\n" + output());
    }

    public int port() {
        return port;
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process at once with SIGKILL, as the kernel's OOM killer or a power cut would, and answers its exit. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Asks the process to stop with SIGTERM, as {@code docker stop} or systemd would, and answers its exit. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        return awaitExit(within);
    }

    private int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Seatwise did not exit within " + within + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process if it still runs, so that a failed test leaves none behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
