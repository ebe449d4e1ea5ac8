package io.seatwise.web.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a port of its own that stays the same when it is stopped and started again, so
 * that tests can take it away and bring it back. A new start begins with an empty mailbox.
 */
public final class SmtpServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final int port;
    private GreenMail greenMail;

    private SmtpServer(int port) {
        this.port = port;
    }

    /** A server on a free port, not yet started: until it is, nothing listens there. */
    public static SmtpServer onFreePort() {
        try (var socket = new ServerSocket(0)) {
            return new SmtpServer(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized SmtpServer start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return this;
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Every message received since the last start, in the order received. */
    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    /** Every message received since the last start that is addressed to the recipient. */
    List<MimeMessage> to(String recipient) {
        return received().stream()
                .filter(message -> addressedTo(message, recipient))
                .toList();
    }

    /** Every message received since the last start with this recipient and subject. */
    List<MimeMessage> to(String recipient, String subject) {
        return to(recipient).stream()
                .filter(message -> subject.equals(subjectOf(message)))
                .toList();
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null
                    && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
