package io.seatwise.web.benchmark;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The built jar running as a process of its own, as an operator runs it: its memory and CPU are its own, so what the
 * benchmark reads off it is the server's and not the load generator's.
 */
final class ServerProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("benchmark.jar", "web/target/seatwise.jar"));

    private static final Pattern HEAP_USED =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    private final HttpClient metrics = HttpClient.newHttpClient();
    private final Process process;
    private final ApiClient api;
    private final Path log;

    private ServerProcess(Process process, ApiClient api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** Starts the jar on the data directory with the given maximum heap and waits until it reports itself up. */
    static ServerProcess start(Path dataDir, String maxHeap, List<String> jvmOptions) {
        int port = freePort();
        var log = dataDir.resolve("server.log");
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.add("-Xmx" + maxHeap);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--seatwise.data-dir=" + dataDir,
                "--seatwise.demo=false",
                "--seatwise.admin.email=" + ApplicationTest.ADMIN_EMAIL,
                "--seatwise.admin.password=" + ApplicationTest.ADMIN_PASSWORD));
        try {
            var process = launcher(command).redirectOutput(log.toFile()).start();
            var server = new ServerProcess(process, new ApiClient(port), log);
            server.awaitUp(Duration.ofMinutes(2));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** Runs the jar's {@code replay} command on the data directory and returns its output once it has exited 0. */
    static String replay(Path dataDir, String maxHeap) throws IOException, InterruptedException {
        var output = dataDir.resolve("replay.log");
        var process = launcher(List.of(
                        javaExecutable(),
                        "-Xmx" + maxHeap,
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "replay",
                        "--seatwise.data-dir=" + dataDir,
                        "--seatwise.demo=false"))
                .redirectOutput(output.toFile())
                .start();
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
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Metrics failed: " + response.statusCode());
        }
        var matcher = HEAP_USED.matcher(response.body());
        double used = 0;
        while (matcher.find()) {
            used += Double.parseDouble(matcher.group(1));
        }
        return (long) used;
    }

    /** The CPU time the server process has used so far (user and system, all threads), in nanoseconds. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The most memory the process has held resident so far (Linux's high-water mark), in bytes. */
    long peakResidentBytes() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: the figure is left out
        }
        return -1;
    }

    private void awaitUp(Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException("The server did not come up in " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static ProcessBuilder launcher(List<String> command) {
        var launcher = new ProcessBuilder(command).redirectErrorStream(true);
        launcher.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return launcher;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
