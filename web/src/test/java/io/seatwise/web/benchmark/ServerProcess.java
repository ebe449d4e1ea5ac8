package io.seatwise.web.benchmark;

import io.seatwise.web.ApiClient;
import io.seatwise.web.SeatwiseProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The server under load: the built jar as a process of its own ({@link SeatwiseProcess}), so that its memory and CPU
 * are its own and what the benchmark reads off it is the server's, not the load generator's.
 */
final class ServerProcess implements AutoCloseable {

    /** Linux counts a thread's CPU time in clock ticks of 1/100 s ({@code USER_HZ}, the same on every platform). */
    private static final long NANOS_PER_TICK = 10_000_000;

    private static final Pattern HEAP_USED =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern COMPILATION =
            Pattern.compile("^jvm_compilation_time_ms_total\\{[^}]*} (\\S+)$", Pattern.MULTILINE);

    private final HttpClient metrics = HttpClient.newHttpClient();
    private final SeatwiseProcess process;
    private final ApiClient api;

    private ServerProcess(SeatwiseProcess process) {
        this.process = process;
        this.api = process.api();
    }

    /**
     * Starts the jar on the data directory with the given maximum heap and settings, and waits until it reports itself
     * up; its output goes to {@code <name>.log} beside the data directory.
     */
    static ServerProcess start(
            Path dataDir, String name, String maxHeap, List<String> jvmOptions, List<String> settings)
            throws IOException {
        var options = new ArrayList<String>();
        options.add("-Xmx" + maxHeap);
        options.addAll(jvmOptions);
        // 64 clients book the whole hall: a limit of seats per account would refuse most of their bookings, and the
        // benchmark would measure refusals instead
        var arguments = new ArrayList<>(List.of("--seatwise.booking.max-seats-per-account=0"));
        arguments.addAll(settings);
        return new ServerProcess(SeatwiseProcess.start(dataDir, name, options, arguments.toArray(String[]::new)));
    }

    /** Runs the jar's {@code replay} command on the data directory and returns its output once it has exited 0. */
    static String replay(Path dataDir, String maxHeap) throws IOException, InterruptedException {
        var output = dataDir.resolveSibling("benchmark-replay.log");
        var launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + maxHeap,
                        "-jar",
                        SeatwiseProcess.jar().toString(),
                        "replay",
                        "--seatwise.data-dir=" + dataDir,
                        "--seatwise.demo=false")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        launcher.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        var process = launcher.start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Replay failed; see " + output);
        }
        return Files.readString(output);
    }

    ApiClient api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    /** The heap in use right now, as the server's own Prometheus endpoint reports it (admins only). */
    long heapUsedBytes(String adminToken) {
        return (long) sum(HEAP_USED, prometheus(adminToken));
    }

    /** How long the server's JIT compilers have worked so far, in milliseconds, as its Prometheus endpoint says. */
    long compilationMillis(String adminToken) {
        return (long) sum(COMPILATION, prometheus(adminToken));
    }

    private String prometheus(String adminToken) {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "text/plain")
                .build();
        HttpResponse<String> response;
        try {
            response = metrics.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Metrics failed: " + response.statusCode());
        }
        return response.body();
    }

    private static double sum(Pattern metric, String scrape) {
        var matcher = metric.matcher(scrape);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    /** The CPU time the server process has used so far (user and system, all threads), in nanoseconds. */
    long cpuNanos() {
        return ProcessHandle.of(pid())
                .flatMap(handle -> handle.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    /**
     * The CPU time each group of the server's threads has used so far, in nanoseconds, by the thread names that Linux
     * keeps (their first 15 characters) without their numbers, so that a pool's threads count together; empty where
     * there is no {@code /proc}. Threads that ended meanwhile are not counted.
     */
    Map<String, Long> cpuNanosByThreads() {
        var byThreads = new TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    var name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    var stat = Files.readString(task.resolve("stat"));
                    // the fields after the name, which is in parentheses: utime and stime are the 12th and 13th
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    byThreads.merge(name, ticks * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException noProc) {
            // not Linux: the figure is left out
        }
        return byThreads;
    }

    /** The most memory the process has held resident so far (Linux's high-water mark), in bytes. */
    long peakResidentBytes() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: the figure is left out
        }
        return -1;
    }

    /** Stops the server as an operator would (SIGTERM), so that the replay finds its database closed cleanly. */
    @Override
    public void close() throws InterruptedException {
        process.terminate(Duration.ofSeconds(60));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
