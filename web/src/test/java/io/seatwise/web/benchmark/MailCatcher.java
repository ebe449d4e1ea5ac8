package io.seatwise.web.benchmark;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real SMTP server (GreenMail) for the server under load, so that its postman delivers mail as in production: every
 * message goes over SMTP and is accepted, counted and dropped, since a storm's tens of thousands of confirmations with
 * their tickets would not fit in memory.
 */
final class MailCatcher implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final AtomicLong received = new AtomicLong();
    private final GreenMail greenMail;
    private final int port;

    MailCatcher() {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        var counter = new CountingUser();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> counter);
        greenMail.start();
    }

    /** The server's settings that send its mail here. */
    List<String> serverSettings() {
        return List.of("--spring.mail.host=" + HOST, "--spring.mail.port=" + port);
    }

    /** Messages accepted so far (one per recipient). */
    long received() {
        return received.get();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** The one mailbox that every recipient's mail goes to: it counts and keeps nothing. */
    private final class CountingUser implements GreenMailUser {

        @Override
        public String getEmail() {
            return "anyone@benchmark.example";
        }

        @Override
        public String getLogin() {
            return getEmail();
        }

        @Override
        public void deliver(MovingMessage message) {
            received.incrementAndGet();
        }

        @Override
        public void deliver(MimeMessage message) {
            received.incrementAndGet();
        }

        @Override
        public void create() {}

        @Override
        public void delete() {}

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {}

        @Override
        public void authenticate(String password) {}

        @Override
        public String getQualifiedMailboxName() {
            return getEmail();
        }
    }
}
