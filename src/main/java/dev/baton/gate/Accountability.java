package dev.baton.gate;

import dev.baton.BatonProperties;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who answers for a team's handoffs on a campaign: the lead named on the request
 * ({@code <team>Lead}, e.g. {@code strategyLead}), else the team lead from configuration
 * ({@code baton.team-leads.<team>}). Derived from the team name so that a new gate needs no Java.
 */
@Component
public class Accountability {

    private final BatonProperties properties;

    public Accountability(BatonProperties properties) {
        this.properties = properties;
    }

    public String accountableFor(VariableScope scope, String team) {
        Object named = scope.getVariable(leadVariable(team));
        if (named instanceof String lead && !lead.isBlank()) {
            return lead.trim();
        }
        return properties.teamLead(team);
    }

    public static String leadVariable(String team) {
        return team + "Lead";
    }
}
