package io.seatwise.web.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's deadline manager on db-scheduler, except that cancelling a deadline that cannot be cancelled any more is no
 * failure. db-scheduler refuses to cancel a deadline that is going off at that moment, or that went off and is gone,
 * and Axon cancels when the saga's unit of work commits: its refusal would undo the whole batch of the saga's
 * processor, and the batch would fail again on every retry once the deadline is gone. A saga that cancels a deadline
 * no longer wants it, and a deadline that goes off all the same finds the saga ended, or no longer waiting for it.
 */
final class ForgivingDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(ForgivingDeadlineManager.class);

    private final Scheduler scheduler;

    ForgivingDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder.scheduler(scheduler));
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceException goingOffOrGone) {
                log.debug("Deadline {} ({}) not cancelled: {}", deadlineName, scheduleId, goingOffOrGone.getMessage());
            }
        });
    }
}
