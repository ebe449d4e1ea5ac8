package io.seatwise.web.api;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.web.NpmTool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redocly's CLI, an outside linter of OpenAPI descriptions, at the version that the lockfile in
 * {@code src/test/redocly} pins, installed with npm into {@code target/redocly} ({@link NpmTool}). Without npm the
 * lint is skipped, saying why; under {@code CI=true} it fails instead, so that CI never passes by skipping it.
 */
final class Redocly {

    private static final NpmTool REDOCLY = NpmTool.of("redocly", "redocly", "The API description's lint");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Redocly() {}

    /** What {@code redocly lint} found: its totals and each problem as it reports it. */
    record Lint(int errors, int warnings, List<JsonNode> problems) {}

    /** Lints the description with redocly's recommended rules and the exceptions that {@code redocly.yaml} explains. */
    static Lint lint(Path description) throws IOException, InterruptedException {
        var binary = REDOCLY.install();
        // no usage data sent from test runs, and no notices in the output that is parsed
        var run = REDOCLY.run(
                Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_NOTIFICATIONS", "true"),
                Duration.ofMinutes(5),
                binary.toString(),
                "lint",
                "--config",
                REDOCLY.source().resolve("redocly.yaml").toAbsolutePath().toString(),
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
}
