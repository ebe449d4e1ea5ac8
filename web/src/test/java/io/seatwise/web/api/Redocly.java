package io.seatwise.web.api;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly's CLI, an outside linter of OpenAPI descriptions, at the version that the lockfile in
 * {@code src/test/redocly} pins, installed with npm into {@code target/redocly}: CI's script installs it there before
 * the tests, otherwise the first run (or the first after the lockfile changed) does it here. Without npm the lint is
 * skipped, saying why; under {@code CI=true} it fails instead, so that CI never passes by skipping it.
 */
final class Redocly {

    private static final Path SOURCE = Path.of("src", "test", "redocly");
    private static final Path HOME = Path.of("target", "redocly");
    private static final Path BINARY = HOME.resolve(Path.of("node_modules", ".bin", "redocly"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private Redocly() {}

    /** What {@code redocly lint} found: its totals and each problem as it reports it. */
    record Lint(int errors, int warnings, List<JsonNode> problems) {}

    private record Run(int exitCode, String output, String errors) {}

    /** Lints the description with redocly's recommended rules and the exceptions that {@code redocly.yaml} explains. */
    static Lint lint(Path description) throws IOException, InterruptedException {
        install();
        var run = run(
                BINARY.toAbsolutePath().toString(),
                "lint",
                "--config",
                SOURCE.resolve("redocly.yaml").toAbsolutePath().toString(),
                "--format",
                "json",
                description.toAbsolutePath().toString());
        var start = run.output().indexOf('{');
        if (start < 0) {
            fail("redocly lint printed no report (exit code " + run.exitCode() + "): " + run.output() + run.errors());
        }
        var report = JSON.readTree(run.output().substring(start));
        var problems = new ArrayList<JsonNode>();
        report.path("problems").forEach(problems::add);
        return new Lint(
                report.path("totals").path("errors").asInt(-1),
                report.path("totals").path("warnings").asInt(-1),
                problems);
    }

    private static void install() throws IOException, InterruptedException {
        var lockfile = Path.of("package-lock.json");
        if (Files.isExecutable(BINARY)
                && Files.exists(HOME.resolve(lockfile))
                && Files.mismatch(SOURCE.resolve(lockfile), HOME.resolve(lockfile)) == -1) {
            return;
        }
        var npm = onPath("npm");
        if (npm == null) {
            var why = "The API description's lint needs Node.js and npm, to install @redocly/cli as "
                    + "src/test/redocly/package-lock.json pins it (CI's script installs both)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        Files.createDirectories(HOME);
        for (var file : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        var run = run(npm.toString(), "ci", "--no-audit", "--no-fund");
        if (run.exitCode() != 0 || !Files.isExecutable(BINARY)) {
            fail("npm ci in " + HOME + " failed (exit code " + run.exitCode() + "): " + run.output() + run.errors());
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

    private static Run run(String... command) throws IOException, InterruptedException {
        var errors = Files.createTempFile("seatwise-redocly-", ".log");
        try {
            var builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectError(errors.toFile());
            // no usage data sent from test runs, and no notices in the output that is parsed
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_NOTIFICATIONS", "true");
            var process = builder.start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return new Run(process.exitValue(), output, Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
