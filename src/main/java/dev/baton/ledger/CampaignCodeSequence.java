package dev.baton.ledger;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out the next sequence number of a campaign-code prefix, safe under concurrent starts:
 * the counter row is incremented in the caller's (the engine's) transaction, so a second start
 * waits for the first to commit or roll back, and a rolled-back start gives its number back.
 */
@Repository
public class CampaignCodeSequence {

    private final JdbcClient jdbc;
    private final LedgerRepository ledger;
    private final TransactionTemplate separateTransaction;

    public CampaignCodeSequence(JdbcClient jdbc, LedgerRepository ledger, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public int next(String codePrefix) {
        if (increment(codePrefix) == 0) {
            createCounter(codePrefix);
            increment(codePrefix);
        }
        return jdbc.sql("SELECT last_value FROM campaign_code_sequence WHERE code_prefix = :p")
                .param("p", codePrefix).query(Integer.class).single();
    }

    private int increment(String codePrefix) {
        return jdbc.sql("UPDATE campaign_code_sequence SET last_value = last_value + 1 WHERE code_prefix = :p")
                .param("p", codePrefix).update();
    }

    /**
     * The first campaign of a prefix creates its counter, starting after the highest code already
     * in the ledger (campaigns from before the counter existed), in its own short transaction; a
     * concurrent start that created it first is fine.
     */
    private void createCounter(String codePrefix) {
        int highest = ledger.highestCampaignSequence(codePrefix);
        try {
            separateTransaction.executeWithoutResult(status -> jdbc.sql(
                            "INSERT INTO campaign_code_sequence (code_prefix, last_value) VALUES (:p, :v)")
                    .param("p", codePrefix).param("v", highest).update());
        } catch (DuplicateKeyException createdConcurrently) {
            // the other start's row serves both
        }
    }
}
