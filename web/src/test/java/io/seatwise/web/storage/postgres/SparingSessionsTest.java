package io.seatwise.web.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/**
 * A session's visits are recorded at most once a minute, so that a page view writes nothing; everything else reaches
 * the repository's session as it is.
 */
class SparingSessionsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MapSessionRepository stored = new MapSessionRepository(new java.util.HashMap<>());
    private final SparingSessions sessions = new SparingSessions(stored, MINUTE);

    @Test
    void aVisitSoonAfterTheLastRecordedOneIsNotRecorded() {
        var lastRecorded = saved();

        var visited = sessions.findById(lastRecorded.getId());
        visited.setLastAccessedTime(
                lastRecorded.getLastAccessedTime().plus(MINUTE).minusMillis(1));

        assertThat(visited.getLastAccessedTime()).isEqualTo(lastRecorded.getLastAccessedTime());
    }

    @Test
    void aVisitAMinuteAfterTheLastRecordedOneIsRecorded() {
        var lastRecorded = saved();
        var later = lastRecorded.getLastAccessedTime().plus(MINUTE);

        var visited = sessions.findById(lastRecorded.getId());
        visited.setLastAccessedTime(later);
        sessions.save(visited);

        assertThat(stored.findById(lastRecorded.getId()).getLastAccessedTime()).isEqualTo(later);
    }

    @Test
    void attributesAndANewIdReachTheStoredSession() {
        var session = sessions.createSession();
        session.setAttribute("notice", "saved");
        var oldId = session.getId();
        var newId = session.changeSessionId();
        sessions.save(session);

        assertThat(newId).isNotEqualTo(oldId);
        assertThat(stored.findById(oldId)).isNull();
        assertThat((String) stored.findById(newId).getAttribute("notice")).isEqualTo("saved");
        sessions.deleteById(newId);
        assertThat(stored.findById(newId)).isNull();
    }

    @Test
    void aVisitIsRecordedOftenEnoughForAShortTimeout() {
        assertThat(SparingSessions.touchEvery(Duration.ofMinutes(30))).isEqualTo(MINUTE);
        assertThat(SparingSessions.touchEvery(Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(30));
        assertThat(SparingSessions.touchEvery(Duration.ofSeconds(-1))).isEqualTo(MINUTE);
    }

    private Session saved() {
        var session = stored.createSession();
        session.setLastAccessedTime(Instant.parse("2030-01-01T10:00:00Z"));
        stored.save(session);
        return session;
    }
}
