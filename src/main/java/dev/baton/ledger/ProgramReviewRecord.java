package dev.baton.ledger;

import java.time.OffsetDateTime;

/** A row of {@code program_review}: one optimisation review of an always-on program against its holdout. */
public record ProgramReviewRecord(String businessKey, int reviewNumber, OffsetDateTime reviewedAt, String reviewer,
                                  long programMembers, long holdoutMembers, long activeBase, long holdoutActiveBase,
                                  long transactions, long holdoutTransactions, long firstPurchases,
                                  long holdoutFirstPurchases, long wonBack, long holdoutWonBack, long lapsed,
                                  long holdoutLapsed, Double activeRate, Double holdoutActiveRate, Double activeLift,
                                  String decision, int reviewCycleWeeks, String learnings) {
}
