package io.seatwise.web.mail;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' view of the outbox, which doubles as a mail catcher when no SMTP server is set: every mail with its
 * status, its text and HTML, and a way to send it again.
 */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

    static final int SHOWN = 200;

    /**
     * A stored mail's HTML is shown only inside a sandboxed frame of the mail page: no scripts, no forms, no requests
     * anywhere (inline styles and embedded images aside), and a unique origin, so it can neither reach this site nor
     * act on it.
     */
    private static final String MAIL_HTML_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    private final Outbox outbox;
    private final Postman postman;
    private final Clock clock;

    MailAdminController(Outbox outbox, Postman postman, Clock clock) {
        this.outbox = outbox;
        this.postman = postman;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("mails", outbox.newest(SHOWN));
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("shown", SHOWN);
        model.addAttribute("smtp", postman.smtpServer().orElse(null));
        return "admin/mail";
    }

    @GetMapping("/{key}")
    String show(@PathVariable String key, Model model) {
        var mail = mail(key);
        model.addAttribute("mail", mail);
        model.addAttribute("written", written(mail));
        return "admin/mail-detail";
    }

    @GetMapping("/{key}/html")
    ResponseEntity<String> html(@PathVariable String key) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_HTML_POLICY)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(written(mail(key)).html());
    }

    @PostMapping("/{key}/resend")
    String resend(@PathVariable String key, RedirectAttributes redirect) {
        var resent = mail(key).resendable() && outbox.resend(key, clock.instant());
        redirect.addFlashAttribute("notice", resent ? "admin.mail.resent" : "admin.mail.notResent");
        return "redirect:/admin/mail";
    }

    /** The mail as it was sent, or, until it is, as it would be written now. */
    private MailWriter.Written written(Mail mail) {
        return mail.written().orElseGet(() -> postman.write(mail));
    }

    private Mail mail(String key) {
        return outbox.find(key).orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_MAIL, "No such mail"));
    }
}
