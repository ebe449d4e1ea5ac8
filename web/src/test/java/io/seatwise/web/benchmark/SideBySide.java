package io.seatwise.web.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The cold measurement of issue 17: {@code side_by_side.py} (kept outside the repository, in {@code ../shared/bench})
 * starts the jar as the README does, books 250 seats from one client, puts 64 wrk connections booking single seats on
 * it for 20 s, then does the same to a Flask + SQLite peer of the seed's design, and prints three lines. It needs
 * Debian's wrk, gunicorn, python3-flask and python3-flask-sqlalchemy. The throttles of registrations and sign-ins per
 * client are lifted for it, as for every test: its users all come from this machine.
 *
 * @param lines what it printed: Seatwise's rate, the peer's and their ratio; or why it did not run
 * @param ran whether it ran and printed its result
 * @param other how many of Seatwise's answers were neither 201 nor 409
 * @param peerFailed whether it failed because the peer answered nothing (its server did not start)
 */
record SideBySide(List<String> lines, boolean ran, long other, boolean peerFailed) {

    private static final Pattern OTHER = Pattern.compile("^seatwise: .*other=(\\d+)", Pattern.MULTILINE);

    /** The peer answered nothing: its server did not start, and the script fails dividing by its rate. */
    private static final Pattern PEER_FAILED =
            Pattern.compile("^seed-style peer: 0 decided bookings/s", Pattern.MULTILINE);

    /** Why it cannot run here, or null when it can. */
    static String missing(Path script) {
        if (!Files.isRegularFile(script)) {
            return script + " is not there";
        }
        for (var tool : List.of("python3", "wrk", "gunicorn")) {
            if (!onPath(tool)) {
                return tool + " is not installed";
            }
        }
        return null;
    }

    /**
     * Runs the script from the repository's root with the README's run command for the given jar; its output and the
     * servers' logs go to {@code side-by-side.log} in {@code logs}.
     */
    static SideBySide run(Path script, Path root, Path jar, Path logs) throws IOException, InterruptedException {
        var log = logs.resolve("side-by-side.log");
        var command = new ArrayList<>(List.of("python3", script.toString(), "--", "java", "-jar", jar.toString()));
        var launcher = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The script registers its 64 users from one address, more than the registration throttle lets one client
        // register in an hour; it passes its environment on to the server. Nothing else differs from the README's
        // start.
        launcher.environment().put("SEATWISE_THROTTLE_REGISTRATIONS", "1000000/1m");
        launcher.environment().put("SEATWISE_THROTTLE_SIGN_INS", "1000000/1m");
        var process = launcher.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new SideBySide(
                    List.of("side_by_side.py did not finish within 15 minutes; see " + log), false, 0, false);
        }
        var output = Files.readString(log);
        var lines = output.lines()
                .filter(line -> line.startsWith("seatwise:")
                        || line.startsWith("seed-style peer:")
                        || line.startsWith("ratio:"))
                .toList();
        if (process.exitValue() != 0 || lines.size() != 3) {
            var printed = new ArrayList<>(lines);
            printed.add("side_by_side.py failed (exit " + process.exitValue() + "); see " + log);
            return new SideBySide(printed, false, 0, PEER_FAILED.matcher(output).find());
        }
        var other = OTHER.matcher(output);
        return new SideBySide(lines, true, other.find() ? Long.parseLong(other.group(1)) : 0, false);
    }

    private static boolean onPath(String tool) {
        var path = System.getenv().getOrDefault("PATH", "");
        for (var directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }
}
