package dev.baton.metrics;

/** No campaign has this business key; answered with 404. */
public class UnknownCampaignException extends RuntimeException {

    public UnknownCampaignException(String businessKey) {
        super("no campaign with business key " + businessKey);
    }
}
