package org.ordinateurssolidaires.query.documents;

import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.query.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * Anyone holding a PDF the programme issued (a donor's auditor, a household, a journalist) checks it here, without
 * an account: the same check as the API's ({@link DocumentVerificationController}), its answer in words.
 */
@PageController
class VerificationPage {

    private final DocumentVerificationController verification;

    VerificationPage(DocumentVerificationController verification) {
        this.verification = verification;
    }

    @GetMapping("/verification")
    @PreAuthorize(Access.ANYONE)
    String form() {
        return "documents/verification";
    }

    @PostMapping("/verification")
    @PreAuthorize(Access.ANYONE)
    @CostlyToAnswer
    String check(@RequestParam(name = "file", required = false) MultipartFile copy, Model model) throws IOException {
        if (copy == null || copy.isEmpty()) {
            model.addAttribute("missing", true);
        } else {
            model.addAttribute("verdict", verification.verify(copy.getInputStream()));
        }
        return "documents/verification";
    }
}
