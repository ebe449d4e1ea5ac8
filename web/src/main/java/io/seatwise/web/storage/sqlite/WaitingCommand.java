package io.seatwise.web.storage.sqlite;

import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;

/** A command of the {@link GroupCommit} waiting for its turn, on the thread that sent it. */
final class WaitingCommand {

    enum Turn {
        WAIT,
        LEAD,
        ANSWERED
    }

    final CommandMessage<?> command;
    private final Thread thread = Thread.currentThread();
    volatile Turn turn = Turn.WAIT;

    /** Written before the turn changes, which publishes it to the waiting thread. */
    CommandResultMessage<?> result;

    WaitingCommand(CommandMessage<?> command) {
        this.command = command;
    }

    /** Parks until the leader answers or hands over the lead; an interrupt is kept for later, not acted on. */
    void awaitTurn() {
        boolean interrupted = false;
        while (turn == Turn.WAIT) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            thread.interrupt();
        }
    }

    void wake(Turn next) {
        turn = next;
        LockSupport.unpark(thread);
    }

    /** What the command bus answered; a missing answer is a failure, so that the sender is never left waiting. */
    CommandResultMessage<?> answer() {
        if (result == null) {
            return GenericCommandResultMessage.asCommandResultMessage(
                    new IllegalStateException("The command bus gave no answer to " + command.getCommandName()));
        }
        return result;
    }
}
