package io.seatwise.web.operations;

import java.util.Locale;

/** Renders replay progress as one line of text, for a terminal or a log. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {}

    /** For example {@code [##################............] 62% 12,345/20,000 events  8,200 ev/s  ETA 1s}. */
    static String line(ReplayProgress progress) {
        int percent = progress.percent();
        int filled = percent * WIDTH / 100;
        return String.format(
                Locale.ROOT,
                "[%s%s] %3d%% %,d/%,d events  %,d ev/s  ETA %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                percent,
                progress.processed(),
                progress.total(),
                progress.eventsPerSecond(),
                progress.remainingMillis() < 0 ? "?" : duration(progress.remainingMillis()));
    }

    /** A short duration: {@code 850ms}, {@code 12s}, {@code 3m05s}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = (millis + 500) / 1000;
        return seconds < 60 ? seconds + "s" : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
