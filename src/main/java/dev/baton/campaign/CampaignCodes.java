package dev.baton.campaign;

import dev.baton.BatonProperties;
import dev.baton.gate.SubmissionRejectedException;
import dev.baton.ledger.CampaignCodeSequence;
import dev.baton.ledger.LedgerClock;
import dev.baton.ledger.LedgerRepository;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Campaign codes, the business key of a campaign: type prefix, year, sequence (ACQ-2026-014).
 * Unique across running and finished campaigns, because the ledger keeps every campaign; the
 * generated sequence steps over codes that were given by hand.
 */
@Service
public class CampaignCodes {

    public static final String BUSINESS_KEY = "businessKey";
    private static final int MAX_SKIPPED = 1000;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Map<String, String> DEFAULT_PREFIXES =
            Map.of("acquisition", "ACQ", "retention", "RET", "winback", "WIN", "cross-sell", "XSL");

    private final LedgerRepository ledger;
    private final CampaignCodeSequence sequence;
    private final Map<String, String> prefixes;

    public CampaignCodes(LedgerRepository ledger, CampaignCodeSequence sequence, BatonProperties properties) {
        this.ledger = ledger;
        this.sequence = sequence;
        this.prefixes = properties.campaignCode().prefixes().isEmpty() ? DEFAULT_PREFIXES
                : properties.campaignCode().prefixes();
    }

    /**
     * The given code after checking its form (whether it is free, the campaign's registration
     * finds out), or the next free code for the campaign type.
     */
    public String assign(String requested, String campaignType) {
        if (requested != null && !requested.isBlank()) {
            if (!VALID.matcher(requested).matches()) {
                throw new SubmissionRejectedException(BUSINESS_KEY,
                        "a campaign code has 1–64 letters, digits, '.', '_' or '-' (was '" + requested + "')");
            }
            // a code in use is refused by the campaign row's unique key when the campaign is
            // registered (RegisterCampaignDelegate): no look-up of its own on every start
            return requested;
        }
        String prefix = prefixes.getOrDefault(campaignType, "CMP") + "-" + LedgerClock.now().getYear() + "-";
        // a code someone gave by hand may sit where the sequence goes next: skip it, it stays theirs
        for (int tries = 0; tries < MAX_SKIPPED; tries++) {
            String code = prefix + String.format("%03d", sequence.next(prefix));
            if (!ledger.campaignExists(code)) {
                return code;
            }
        }
        throw new IllegalStateException("the next " + MAX_SKIPPED + " codes after " + prefix + " are all taken");
    }
}
