package dev.baton.metrics.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Handoff dashboard in Cockpit: a panel on the Cockpit dashboard and a page of its own
 * (#/handoffs). Assets in plugin-webapp/handoff-dashboard/app, registered in META-INF/services.
 */
public class HandoffDashboardPlugin extends AbstractCockpitPlugin {

    public static final String ID = "handoff-dashboard";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(HandoffDashboardRootResource.class);
    }
}
