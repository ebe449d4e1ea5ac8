package io.seatwise.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * nginx in front of Seatwise nodes on this machine, with the configuration that the docs give
 * ({@code docs/nginx/seatwise.conf}): its example nodes are replaced by the nodes' ports on 127.0.0.1 and its port by a
 * free one, nothing else is changed. nginx runs in the foreground as a process of the test, with its pid file, logs and
 * temporary files in a folder of its own. The binary is {@code SEATWISE_TEST_NGINX} ({@code .ci/run} installs Debian's
 * nginx and sets it); without it the test is skipped, or fails on CI ({@link Prerequisites}).
 */
public final class Nginx implements AutoCloseable {

    public static final String BINARY_VARIABLE = "SEATWISE_TEST_NGINX";

    /** The configuration of docs/several-nodes.md, from the module's folder (where Maven runs the tests). */
    public static final Path DOCUMENTED_CONFIGURATION = Path.of("..", "docs", "nginx", "seatwise.conf");

    private static final Pattern UPSTREAM_SERVERS = Pattern.compile("(?m)^(\\s*)server \\S+:\\d+( [^;]*)?;\\n");
    private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*)listen 80;");

    private final Process process;
    private final int port;
    private final Path prefix;

    private Nginx(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    public static void assumeInstalled() {
        Prerequisites.require(
                binary().map(Files::isExecutable).orElse(false),
                "Load balancer tests need nginx: set " + BINARY_VARIABLE
                        + " (CI installs Debian's nginx and sets it to /usr/sbin/nginx)");
    }

    private static java.util.Optional<Path> binary() {
        return java.util.Optional.ofNullable(System.getenv(BINARY_VARIABLE))
                .filter(value -> !value.isBlank())
                .map(Path::of);
    }

    /** Starts nginx in front of the nodes listening on these ports, and waits until it takes connections. */
    public static Nginx start(List<Integer> nodePorts) throws IOException {
        assumeInstalled();
        var prefix = Files.createTempDirectory("seatwise-nginx-");
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        int port = freePort();
        Files.writeString(
                prefix.resolve("seatwise.conf"),
                configuration(Files.readString(documentedConfiguration()), nodePorts, port));
        Files.writeString(prefix.resolve("nginx.conf"), mainConfiguration(prefix));
        var process = new ProcessBuilder(
                        binary().orElseThrow().toString(),
                        "-p",
                        prefix.toString(),
                        "-c",
                        prefix.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/output.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        var nginx = new Nginx(process, port, prefix);
        nginx.awaitListening();
        return nginx;
    }

    /** The documented configuration: from the module's folder (the tests), or the repository's (a benchmark). */
    private static Path documentedConfiguration() {
        return Files.isRegularFile(DOCUMENTED_CONFIGURATION)
                ? DOCUMENTED_CONFIGURATION
                : Path.of("docs", "nginx", "seatwise.conf");
    }

    /** The documented configuration, with these nodes in its upstream and listening on this port. */
    static String configuration(String documented, List<Integer> nodePorts, int port) {
        var servers = UPSTREAM_SERVERS.matcher(documented);
        if (!servers.find()) {
            throw new IllegalStateException("No upstream servers in " + DOCUMENTED_CONFIGURATION);
        }
        var indent = servers.group(1);
        var options = servers.group(2) == null ? "" : servers.group(2);
        var ours = nodePorts.stream()
                .map(nodePort -> indent + "server 127.0.0.1:" + nodePort + options + ";\n")
                .collect(Collectors.joining());
        var withNodes = new StringBuilder(documented.substring(0, servers.start()));
        withNodes.append(ours);
        withNodes.append(
                UPSTREAM_SERVERS.matcher(documented.substring(servers.start())).replaceAll(""));
        var listen = LISTEN.matcher(withNodes);
        if (!listen.find()) {
            throw new IllegalStateException("No 'listen 80;' in " + DOCUMENTED_CONFIGURATION);
        }
        return listen.replaceFirst(Matcher.quoteReplacement(listen.group(1) + "listen 127.0.0.1:" + port + ";"));
    }

    /**
     * What Debian's /etc/nginx/nginx.conf gives the included file, with every path in the prefix folder; as root (CI)
     * nginx would switch its workers to a user that may not read the folder, so they stay root there.
     */
    private static String mainConfiguration(Path prefix) {
        var asRoot = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return asRoot + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 512; }
                http {
                    log_format upstreams '$request_method $uri $status $upstream_addr';
                    access_log %1$s/logs/access.log upstreams;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    include %1$s/seatwise.conf;
                }
                """.formatted(prefix);
    }

    private void awaitListening() {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n" + log());
            }
            try (var socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    /**
     * Each request nginx has passed on, as {@code METHOD PATH STATUS NODES}: the nodes ({@code 127.0.0.1:port}) it
     * tried in turn, separated by commas.
     */
    public List<String> accessLog() {
        try {
            return Files.readAllLines(prefix.resolve("logs/access.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What nginx printed and logged as errors (which node failed, and how). */
    public String log() {
        try {
            var output = prefix.resolve("logs/output.log");
            var errors = prefix.resolve("logs/error.log");
            return (Files.exists(output) ? Files.readString(output) : "")
                    + (Files.exists(errors) ? Files.readString(errors) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops nginx (SIGTERM: its fast shutdown) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
