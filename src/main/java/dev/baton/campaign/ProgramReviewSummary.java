package dev.baton.campaign;

import dev.baton.gate.FormText;
import dev.baton.gate.PeopleDates;
import dev.baton.ledger.ProgramReviewRecord;
import java.util.List;
import java.util.Locale;

/**
 * What the next optimisation review starts from, as Markdown for its form: the previous review's
 * figures, program beside holdout, and the active-rate lift of every review so far.
 */
final class ProgramReviewSummary {

    private static final int TREND_SHOWN = 12;

    private ProgramReviewSummary() {
    }

    /** Null when the program has no review yet. */
    static String markdown(List<ProgramReviewRecord> reviews) {
        if (reviews.isEmpty()) {
            return null;
        }
        ProgramReviewRecord last = reviews.get(reviews.size() - 1);
        StringBuilder text = new StringBuilder("#### Last review: review ").append(last.reviewNumber()).append(", ")
                .append(PeopleDates.format(last.reviewedAt().toInstant())).append(", by ")
                .append(FormText.escaped(last.reviewer(), 64)).append("\n\n")
                .append("| this cycle | program | holdout |\n|---|---:|---:|\n");
        row(text, "members", last.programMembers(), last.holdoutMembers());
        row(text, "active base", last.activeBase(), last.holdoutActiveBase());
        row(text, "transactions", last.transactions(), last.holdoutTransactions());
        row(text, "first purchases", last.firstPurchases(), last.holdoutFirstPurchases());
        row(text, "won back", last.wonBack(), last.holdoutWonBack());
        row(text, "lapsed", last.lapsed(), last.holdoutLapsed());
        text.append("| active rate | ").append(percent(last.activeRate())).append(" | ")
                .append(percent(last.holdoutActiveRate())).append(" |\n\n");
        text.append("Decision: **").append(last.decision()).append("**. Learnings: ")
                .append(FormText.escaped(last.learnings(), 300)).append("\n\n**Active-rate lift, review by review:** ");
        List<ProgramReviewRecord> shown = reviews.subList(Math.max(0, reviews.size() - TREND_SHOWN), reviews.size());
        for (int i = 0; i < shown.size(); i++) {
            ProgramReviewRecord review = shown.get(i);
            text.append(i == 0 ? "" : " → ").append(review.reviewNumber()).append(": ").append(lift(review.activeLift()));
        }
        return FormText.bounded(text.append('\n').toString(), "…");
    }

    private static void row(StringBuilder text, String what, long program, long holdout) {
        text.append("| ").append(what).append(" | ").append(String.format(Locale.ENGLISH, "%,d", program)).append(" | ")
                .append(String.format(Locale.ENGLISH, "%,d", holdout)).append(" |\n");
    }

    private static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ENGLISH, "%.1f %%", rate * 100);
    }

    private static String lift(Double lift) {
        return lift == null ? "–" : String.format(Locale.ENGLISH, "%+.1f %%", lift * 100);
    }
}
