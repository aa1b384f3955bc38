package dev.baton.metrics.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.metrics.HandoffMetrics;
import dev.baton.metrics.MetricsParameters;
import org.springframework.stereotype.Component;

/**
 * Cockpit creates its plugin resources itself, outside Spring; this hands them Baton's
 * services. Set once when the Spring context creates it, read by the resources.
 */
@Component
public class CockpitBridge {

    private static volatile CockpitBridge instance;

    private final HandoffMetrics metrics;
    private final MetricsParameters parameters;
    private final ObjectMapper json;
    private final dev.baton.metrics.CampaignBoard board;
    private final dev.baton.metrics.GateCatalog catalog;

    public CockpitBridge(HandoffMetrics metrics, MetricsParameters parameters, ObjectMapper json,
                         dev.baton.metrics.CampaignBoard board, dev.baton.metrics.GateCatalog catalog) {
        this.board = board;
        this.catalog = catalog;
        this.metrics = metrics;
        this.parameters = parameters;
        this.json = json;
        instance = this;
    }

    static CockpitBridge get() {
        CockpitBridge bridge = instance;
        if (bridge == null) {
            throw new IllegalStateException("Baton's services are not ready yet");
        }
        return bridge;
    }

    HandoffMetrics metrics() {
        return metrics;
    }

    dev.baton.metrics.CampaignBoard board() {
        return board;
    }

    dev.baton.metrics.GateCatalog catalog() {
        return catalog;
    }

    MetricsParameters parameters() {
        return parameters;
    }

    String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dashboard data", e);
        }
    }
}
