package dev.baton.metrics.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** /camunda/api/cockpit/plugin/handoff-dashboard/{engine}/…, behind Cockpit's login. */
@Path("plugin/" + HandoffDashboardPlugin.ID)
public class HandoffDashboardRootResource extends AbstractCockpitPluginRootResource {

    public HandoffDashboardRootResource() {
        super(HandoffDashboardPlugin.ID);
    }

    @Path("{engineName}")
    public HandoffDashboardResource dashboard(@PathParam("engineName") String engineName) {
        return subResource(new HandoffDashboardResource(engineName), engineName);
    }
}
