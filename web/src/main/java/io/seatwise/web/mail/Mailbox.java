package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts mails about bookings into the outbox, for the mail group's handlers and for the bookings' sagas alike: it looks
 * up what a mail tells in the {@link MailDirectory}, writes its subject (the body is written when it is sent) and adds
 * it under its key, so that a mail put twice is one mail. It runs in the transactions of the mail group and of the
 * sagas' deadlines, which hold SQLite's write lock, so it only records.
 */
@Component
class Mailbox implements BookingMailbox {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    private static final Duration SHORTEST_SLOT = Duration.ofSeconds(1);
    private static final Duration LONGEST_SLOT = Duration.ofMinutes(1);

    private final MailDirectory directory;
    private final Outbox outbox;
    private final MailWriter writer;
    private final MailProperties properties;
    private final Clock clock;
    private volatile Instant installedAt;

    Mailbox(MailDirectory directory, Outbox outbox, MailWriter writer, MailProperties properties, Clock clock) {
        this.directory = directory;
        this.outbox = outbox;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    /** Events stored before mail was installed are history: they were answered without mail and get none now. */
    @Override
    public boolean storedBeforeMail(Instant storedAt) {
        if (installedAt == null) {
            installedAt = directory.installedAt();
        }
        return storedAt.isBefore(installedAt);
    }

    @Override
    public Instant promptDue(Instant bookedAt) {
        return MailTimes.plus(bookedAt, properties.reviewPromptDelay());
    }

    @Override
    public Instant reminderDue(Instant startsAt) {
        return MailTimes.plus(startsAt, properties.eventDuration());
    }

    @Override
    public Optional<Instant> reminderDue(BookingId bookingId) {
        return facts(bookingId).map(facts -> reminderDue(facts.startsAt()));
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Instant promptSlot(Instant promptDue) {
        if (!MailTimes.schedulable(promptDue)) {
            return promptDue;
        }
        long slot = promptSlotLength().toMillis();
        return Instant.ofEpochMilli(-Math.floorDiv(-promptDue.toEpochMilli(), slot) * slot);
    }

    private Duration promptSlotLength() {
        var hundredth = properties.reviewPromptDelay().dividedBy(100);
        return hundredth.compareTo(SHORTEST_SLOT) < 0
                ? SHORTEST_SLOT
                : hundredth.compareTo(LONGEST_SLOT) > 0 ? LONGEST_SLOT : hundredth;
    }

    @Override
    public boolean timedByEventSaga(BookingId bookingId) {
        return directory.timedByEventSaga(bookingId);
    }

    @Override
    public int postPrompts(String eventId, Instant slot, int limit) {
        var delay = properties.reviewPromptDelay();
        var through = slot.minus(delay);
        var due = directory.unprompted(eventId, through.minus(promptSlotLength()), through, limit);
        due.forEach(booking -> post(MailKind.REVIEW_PROMPT, booking.bookingId(), promptDue(booking.bookedAt())));
        return due.size();
    }

    @Override
    public int postReminders(String eventId, Instant due, int limit) {
        var bookings = directory.unreminded(eventId, limit);
        bookings.forEach(booking -> post(MailKind.REVIEW_REMINDER, booking.bookingId(), due));
        return bookings.size();
    }

    @Override
    public Optional<Instant> eventReminderDue(String eventId) {
        return directory.startsAt(eventId).map(this::reminderDue);
    }

    @Override
    public Optional<BookingFacts> post(MailKind kind, BookingId bookingId, Instant due) {
        var facts = facts(bookingId);
        facts.ifPresent(known -> post(kind, known, due));
        return facts;
    }

    void post(MailKind kind, BookingFacts facts, Instant due) {
        outbox.add(
                new Letter(kind, facts.bookingId(), facts.email(), writer.subject(kind, facts), due), clock.instant());
    }

    /** A mail about the event's change, with what it tells beyond the booking kept beside it under the same key. */
    void post(MailKind kind, BookingFacts facts, Instant due, String occasion, Notice notice) {
        var letter = new Letter(kind, facts.bookingId(), facts.email(), writer.subject(kind, facts), due, occasion);
        directory.notice(letter.key(), notice);
        outbox.add(letter, clock.instant());
    }

    /**
     * The mail group has one segment, so the account, the event and its venue were all handled before any booking
     * that names them; if one is missing all the same, no mail can be written, and holding up every later mail for it
     * would not help.
     */
    Optional<BookingFacts> facts(BookingId bookingId) {
        var facts = directory.facts(bookingId.value());
        if (facts.isEmpty()) {
            log.warn("No mail about booking {}: its account, event or venue is unknown to the mail group", bookingId);
        }
        return facts;
    }
}
