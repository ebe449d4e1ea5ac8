package io.seatwise.web.deadletter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page of the dead letters: each group's parked events, a retry per sequence and a drop per letter, which
 * asks first.
 */
@Controller
@RequestMapping("/admin/dead-letters")
class DeadLetterPageController {

    private final DeadLetters deadLetters;

    DeadLetterPageController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("groups", deadLetters.all());
        return "admin/dead-letters";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        var retried = deadLetters.retry(id);
        redirect.addFlashAttribute(
                "notice", retried.handled() ? "admin.deadLetters.retried" : "admin.deadLetters.stillFailing");
        return "redirect:/admin/dead-letters";
    }

    /** Asks first; drops once the confirmation is posted. */
    @PostMapping("/{id}/drop")
    String drop(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            model.addAttribute("letter", deadLetters.find(id));
            return "admin/dead-letter-drop";
        }
        deadLetters.drop(id);
        redirect.addFlashAttribute("notice", "admin.deadLetters.dropped");
        return "redirect:/admin/dead-letters";
    }
}
