package dev.baton.campaign;

import static dev.baton.campaign.CampaignVariables.CAMPAIGN_INITIATOR;
import static dev.baton.campaign.CampaignVariables.CAMPAIGN_OWNER;

import dev.baton.gate.SubmissionRejectedException;
import dev.baton.ledger.HandoffLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RegisterCampaign}: checks the request (REST callers bypass the start
 * form), gives the campaign its code and opens its row in the ledger.
 */
@Component("registerCampaign")
public class RegisterCampaignDelegate implements JavaDelegate {

    private final CampaignCodes codes;
    private final HandoffLedger ledger;

    public RegisterCampaignDelegate(CampaignCodes codes, HandoffLedger ledger) {
        this.codes = codes;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CampaignRequest request = CampaignRequest.from(execution.getVariables());
        String code = codes.assign(execution.getProcessBusinessKey(), request.type());
        if (!code.equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(code);
        }
        String owner = CAMPAIGN_OWNER.get(execution) != null ? CAMPAIGN_OWNER.get(execution) : CAMPAIGN_INITIATOR.get(execution);
        CAMPAIGN_OWNER.set(execution, owner);
        try {
            ledger.campaignRegistered(code, execution.getProcessInstanceId(), request.name(), request.type(),
                    request.channel(), owner, request.plannedLaunchDate(), request.estimatedAudienceSize());
        } catch (DuplicateKeyException used) {
            // the code was given by hand to an earlier campaign, or another start took it first
            throw new SubmissionRejectedException(CampaignCodes.BUSINESS_KEY,
                    "campaign code " + code + " is already used by another campaign");
        }
    }
}
