package io.seatwise.web.storage.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Sessions whose visits are recorded sparingly. Spring Session records every request of a session as its last access,
 * and its JDBC repository then writes the session's row at the end of the request: every page view would be an UPDATE
 * (a new row version and its WAL) on the one database all nodes share. Here a visit is recorded only once the last one
 * recorded is {@code touchEvery} old, so a page view reads its session and writes nothing unless something in the
 * session changed (signing in, a form's notice, a new CSRF token). The price: a session idle for its whole timeout
 * ends up to {@code touchEvery} early.
 */
final class SparingSessions implements SessionRepository<SparingSessions.Visited>, AutoCloseable {

    private final SessionRepository<Session> sessions;
    private final Duration touchEvery;

    @SuppressWarnings({"unchecked", "rawtypes"})
    SparingSessions(SessionRepository<? extends Session> sessions, Duration touchEvery) {
        // the JDBC repository's session type is not public; this class only hands its own sessions back to it
        this.sessions = (SessionRepository) sessions;
        this.touchEvery = touchEvery;
    }

    /** A minute, or a quarter of the timeout when that is shorter, so that a session in use never expires. */
    static Duration touchEvery(Duration timeout) {
        var minute = Duration.ofMinutes(1);
        return timeout.isNegative() || timeout.isZero() || timeout.dividedBy(4).compareTo(minute) >= 0
                ? minute
                : timeout.dividedBy(4);
    }

    @Override
    public Visited createSession() {
        return new Visited(sessions.createSession());
    }

    @Override
    public void save(Visited session) {
        sessions.save(session.session);
    }

    @Override
    public Visited findById(String id) {
        var session = sessions.findById(id);
        return session == null ? null : new Visited(session);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    /** Stops what the repository runs of its own (the JDBC repository's cleanup of expired sessions). */
    @Override
    public void close() throws Exception {
        if (sessions instanceof DisposableBean running) {
            running.destroy();
        }
    }

    /** A session of the repository that ignores visits soon after the last recorded one. */
    final class Visited implements Session {

        private final Session session;

        private Visited(Session session) {
            this.session = session;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(session.getLastAccessedTime(), lastAccessedTime)
                            .compareTo(touchEvery)
                    >= 0) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
