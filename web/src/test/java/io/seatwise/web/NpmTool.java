package io.seatwise.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool from npm at the version that the lockfile in {@code src/test/<name>} pins, installed with
 * {@code npm ci} into {@code target/<name>}: CI's script installs it there before the tests, otherwise the first run
 * (or the first after the lockfile changed) does it here. Without npm the calling test is skipped, saying why, and
 * fails instead under {@code CI=true} ({@link Prerequisites}).
 */
public final class NpmTool {

    private static final Path LOCKFILE = Path.of("package-lock.json");

    private final Path source;
    private final Path home;
    private final Path binary;
    private final String purpose;

    /** What a run printed, and how it ended. */
    public record Run(int exitCode, String output, String errors) {}

    private NpmTool(String name, String binary, String purpose) {
        this.source = Path.of("src", "test", name);
        this.home = Path.of("target", name);
        this.binary = home.resolve(Path.of("node_modules", ".bin", binary));
        this.purpose = purpose;
    }

    /**
     * The tool whose {@code package.json} and lockfile are in {@code src/test/<name>}, run as
     * {@code node_modules/.bin/<binary>}; the purpose names the tests that need it, for the message when npm is
     * missing.
     */
    public static NpmTool of(String name, String binary, String purpose) {
        return new NpmTool(name, binary, purpose);
    }

    /** The folder of its {@code package.json}, where configuration files beside it live. */
    public Path source() {
        return source;
    }

    /** Installs it unless the installed lockfile is the pinned one; returns its executable. */
    public Path install() throws IOException, InterruptedException {
        if (Files.isExecutable(binary)
                && Files.exists(home.resolve(LOCKFILE))
                && Files.mismatch(source.resolve(LOCKFILE), home.resolve(LOCKFILE)) == -1) {
            return binary.toAbsolutePath();
        }
        var npm = onPath("npm");
        Prerequisites.require(
                npm != null,
                purpose + " need Node.js and npm, to install what " + source.resolve(LOCKFILE)
                        + " pins (CI's script installs both)");
        Files.createDirectories(home);
        for (var file : List.of("package.json", "package-lock.json")) {
            Files.copy(source.resolve(file), home.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        var run = run(Map.of(), Duration.ofMinutes(5), npm.toString(), "ci", "--no-audit", "--no-fund");
        if (run.exitCode() != 0 || !Files.isExecutable(binary)) {
            fail("npm ci in " + home + " failed (exit code " + run.exitCode() + "): " + run.output() + run.errors());
        }
        return binary.toAbsolutePath();
    }

    /** Runs a command in the tool's folder with the environment given added; fails when it outlasts the timeout. */
    public Run run(Map<String, String> environment, Duration timeout, String... command)
            throws IOException, InterruptedException {
        var errors = Files.createTempFile("seatwise-npm-", ".log");
        try {
            var builder = new ProcessBuilder(command).directory(home.toFile()).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            var process = builder.start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Run(process.exitValue(), output, Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Path onPath(String command) {
        for (var directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            var candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
