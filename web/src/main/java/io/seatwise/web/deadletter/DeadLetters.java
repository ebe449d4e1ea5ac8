package io.seatwise.web.deadletter;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.stereotype.Component;

/**
 * The letters of every processing group that has a dead letter queue ({@code dlq.enabled} under
 * {@code axon.eventhandling.processors}), read and acted on through Axon's own queue and dead-letter processor: a retry
 * hands the letter's sequence, from its first letter on and in order, to the group's handlers again; a drop evicts one
 * letter for good.
 */
@Component
public class DeadLetters {

    /** The diagnostics entry in which {@link DeadLetterConfiguration}'s policy counts a letter's failed attempts. */
    static final String ATTEMPTS = "attempts";

    private final EventProcessingConfiguration processing;
    private final List<String> groups;

    DeadLetters(EventProcessingConfiguration processing, EventProcessorProperties processors) {
        this.processing = processing;
        this.groups = groupsWithQueues(processors.getProcessors());
    }

    /** The groups with a dead letter queue, by name. */
    public List<String> groups() {
        return groups;
    }

    /** Every group with a queue, with its letters, sequence by sequence, each in order. */
    public List<GroupLetters> all() {
        return groups.stream()
                .map(group -> new GroupLetters(group, letters(group)))
                .toList();
    }

    /** How many letters the group holds; 0 for a group without a queue. */
    public long count(String group) {
        return queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** The letter, or a 404 refusal. */
    public DeadLetterView find(String id) {
        return located(id).view();
    }

    /**
     * Hands the letter's sequence to its group's handlers again, from the sequence's first letter on: each letter
     * handled leaves the queue, and the first that fails again stays with those behind it, its cause and attempts
     * brought up to date.
     */
    public Retried retry(String id) {
        var located = located(id);
        var sequence = located.view().sequence();
        var processor = processing
                .sequencedDeadLetterProcessor(located.view().group())
                .orElseThrow(() -> new IllegalStateException(
                        "No dead letter processor for " + located.view().group()));
        boolean handled = processor.process(letter -> sequence.equals(sequenceOf(letter)));
        var parked = letters(located.view().group()).stream()
                .filter(letter -> letter.sequence().equals(sequence))
                .toList();
        return new Retried(handled && parked.isEmpty(), parked);
    }

    /** Evicts the letter for good: its event is never handled by its group. */
    public DeadLetterView drop(String id) {
        var located = located(id);
        queue(located.view().group()).orElseThrow().evict(located.letter());
        return located.view();
    }

    private List<DeadLetterView> letters(String group) {
        var letters = new ArrayList<DeadLetterView>();
        queue(group).ifPresent(queue -> {
            for (var sequence : queue.deadLetters()) {
                int position = 0;
                for (var letter : sequence) {
                    letters.add(view(group, letter, position++));
                }
            }
        });
        return letters;
    }

    private Located located(String id) {
        for (var group : groups) {
            var queue = queue(group);
            if (queue.isEmpty()) {
                continue;
            }
            for (var sequence : queue.get().deadLetters()) {
                int position = 0;
                for (var letter : sequence) {
                    if (letter instanceof JdbcDeadLetter<?> stored
                            && stored.getIdentifier().equals(id)) {
                        return new Located(view(group, letter, position), letter);
                    }
                    position++;
                }
            }
        }
        throw new DomainException(Refusal.Plain.NO_SUCH_DEAD_LETTER, "No such dead letter");
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter, int position) {
        var message = letter.message();
        var domainEvent = message instanceof DomainEventMessage<?> stored ? stored : null;
        var attempts = letter.diagnostics().get(ATTEMPTS);
        return new DeadLetterView(
                letter instanceof JdbcDeadLetter<?> stored ? stored.getIdentifier() : message.getIdentifier(),
                group,
                sequenceOf(letter),
                position,
                message.getPayloadType().getSimpleName(),
                domainEvent != null ? domainEvent.getAggregateIdentifier() : null,
                domainEvent != null ? domainEvent.getSequenceNumber() : null,
                message.getIdentifier(),
                message.getTimestamp(),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched(),
                attempts instanceof Number count ? count.intValue() : 0);
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : "";
    }

    private static List<String> groupsWithQueues(Map<String, EventProcessorProperties.ProcessorSettings> settings) {
        return settings.entrySet().stream()
                .filter(entry -> entry.getValue().getDlq() != null
                        && entry.getValue().getDlq().isEnabled())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private record Located(DeadLetterView view, DeadLetter<? extends EventMessage<?>> letter) {}
}
