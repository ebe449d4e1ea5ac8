package io.seatwise.web.operations;

import java.util.List;

/**
 * How far a replay has come. Events count positions in the event store, once for every processor that replays them:
 * four processors rebuilding their read models from 1,000 events is 4,000 events of work, while the replay command's
 * one processor, which hands each event to every read model, counts 1,000.
 *
 * @param run which replay this is, counted from 1 since the application started; 0 before the first
 * @param state idle before the first replay, then running, done or failed
 * @param processed events handled since the reset, over all replayed processors
 * @param total events to handle, over all replayed processors
 * @param eventsPerSecond the rate since the start
 * @param elapsedMillis time since the start
 * @param remainingMillis estimated time left, or -1 while unknown
 * @param processors each replayed processor's share
 * @param error why it failed, or null
 */
record ReplayProgress(
        long run,
        State state,
        long processed,
        long total,
        long eventsPerSecond,
        long elapsedMillis,
        long remainingMillis,
        List<Processor> processors,
        String error) {

    static final ReplayProgress IDLE = new ReplayProgress(0, State.IDLE, 0, 0, 0, 0, -1, List.of(), null);

    /** A run that has begun and has nothing to show yet. */
    static ReplayProgress starting(long run) {
        return new ReplayProgress(run, State.RUNNING, 0, 0, 0, 0, -1, List.of(), null);
    }

    enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED;

        boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    /**
     * @param name the read model's processing group
     * @param events events it replays
     * @param processed events it has handled so far
     * @param tookMillis how long it took to catch up, or -1 while it has not
     */
    record Processor(String name, long events, long processed, long tookMillis) {}

    public int percent() {
        if (total == 0) {
            return state == State.DONE ? 100 : 0;
        }
        return (int) Math.min(100, processed * 100 / total);
    }
}
