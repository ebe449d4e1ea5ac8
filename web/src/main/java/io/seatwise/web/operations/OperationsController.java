package io.seatwise.web.operations;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' page: where each event processor stands, and a button that rebuilds the read models while the page
 * follows the replay through {@code /admin/operations/status}.
 */
@Controller
@RequestMapping("/admin/operations")
class OperationsController {

    private final Replay replay;

    OperationsController(Replay replay) {
        this.replay = replay;
    }

    /** What the page polls: the processors and the replay's progress. */
    record Status(List<ProcessorStatus> processors, ReplayProgress replay, int percent, String line) {}

    @GetMapping
    String page(Model model) {
        model.addAttribute("processors", replay.processors());
        model.addAttribute("replay", replay.progress());
        model.addAttribute("running", replay.isRunning());
        return "admin/operations";
    }

    @GetMapping(value = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Status status() {
        var progress = replay.progress();
        return new Status(replay.processors(), progress, progress.percent(), ProgressBar.line(progress));
    }

    /**
     * Starts a replay, which is {@code RUNNING} before this answers, and sends the page to follow it: the redirect
     * names the run ({@code ?run=}) whose number the status carries, so that whoever started it can tell its end from
     * the end of the one before.
     */
    @PostMapping("/rebuild")
    String rebuild(RedirectAttributes redirect) {
        long run = replay.startInBackground();
        redirect.addFlashAttribute("notice", run != 0 ? "admin.operations.started" : "admin.operations.alreadyRunning");
        redirect.addAttribute("run", run != 0 ? run : replay.progress().run());
        return "redirect:/admin/operations";
    }
}
