package dev.baton.metrics.cockpit;

import dev.baton.metrics.InvalidMetricsParameterException;
import dev.baton.metrics.MetricsFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The dashboard's data in one call, and campaign timelines. JSON is written by Spring's
 * ObjectMapper (java.time as ISO text), so the answer matches /api/metrics exactly.
 */
public class HandoffDashboardResource extends AbstractCockpitPluginResource {

    static final String COCKPIT = "cockpit";

    public HandoffDashboardResource(String engineName) {
        super(engineName);
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dashboard(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("campaignType") String campaignType, @QueryParam("channel") String channel,
                              @QueryParam("team") String team, @QueryParam("gate") String gate) {
        Response refused = refuseWithoutCockpitAccess();
        if (refused != null) {
            return refused;
        }
        var bridge = CockpitBridge.get();
        MetricsFilter filter;
        try {
            filter = bridge.parameters().filter(from, to, campaignType, channel, team, gate);
        } catch (InvalidMetricsParameterException e) {
            return badParameter(e);
        }
        return json(Response.Status.OK, bridge.metrics().dashboard(filter));
    }

    /** The gates in the order a campaign meets them, with their names: how the dashboard lists and labels them. */
    @GET
    @Path("gates")
    @Produces(MediaType.APPLICATION_JSON)
    public Response gates() {
        Response refused = refuseWithoutCockpitAccess();
        if (refused != null) {
            return refused;
        }
        return json(Response.Status.OK, CockpitBridge.get().catalog().inLifecycleOrder());
    }

    /** The campaign board, as GET /api/campaigns: JSON, or CSV with format=csv (a download link). */
    @GET
    @Path("board")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response board(@QueryParam("campaignType") String campaignType, @QueryParam("channel") String channel,
                          @QueryParam("team") String team, @QueryParam("owner") String owner,
                          @QueryParam("sort") String sort, @QueryParam("format") String format) {
        Response refused = refuseWithoutCockpitAccess();
        if (refused != null) {
            return refused;
        }
        var bridge = CockpitBridge.get();
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"json".equals(format)) {
            return json(Response.Status.BAD_REQUEST, Map.of("parameter", "format", "message", "format: csv or json expected"));
        }
        java.util.List<dev.baton.metrics.CampaignBoard.Entry> entries;
        try {
            entries = bridge.board().entries(bridge.parameters().board(campaignType, channel, team, owner, sort),
                    dev.baton.ledger.LedgerClock.now());
        } catch (InvalidMetricsParameterException e) {
            return badParameter(e);
        }
        if (csv) {
            return Response.ok(dev.baton.metrics.CsvMessageConverter.csv(entries, dev.baton.metrics.CampaignBoard.Entry.class))
                    .type("text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"campaign-board.csv\"").build();
        }
        return json(Response.Status.OK, entries);
    }

    @GET
    @Path("campaigns/{businessKey}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public Response timeline(@PathParam("businessKey") String businessKey) {
        Response refused = refuseWithoutCockpitAccess();
        if (refused != null) {
            return refused;
        }
        return CockpitBridge.get().metrics().timeline(businessKey)
                .map(t -> json(Response.Status.OK, t))
                .orElseGet(() -> json(Response.Status.NOT_FOUND, Map.of("message", "no campaign with business key " + businessKey)));
    }

    /**
     * Cockpit's login only proves the user is logged in to some webapp; the dashboard is for those
     * who may open Cockpit (administrators and project managers), as the webapp decided at login.
     */
    private Response refuseWithoutCockpitAccess() {
        Authentication user = Authentications.getCurrent() == null ? null : Authentications.getCurrent().getAuthenticationForProcessEngine(engineName);
        if (user instanceof UserAuthentication login && login.getAuthorizedApps().contains(COCKPIT)) {
            return null;
        }
        return json(Response.Status.FORBIDDEN, Map.of("message", "the Handoff dashboard is for users with access to Cockpit"));
    }

    /** 400 naming the parameter, as /api answers. */
    private static Response badParameter(InvalidMetricsParameterException e) {
        return json(Response.Status.BAD_REQUEST, Map.of("parameter", e.parameter(), "message", e.getMessage()));
    }

    private static Response json(Response.Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(CockpitBridge.get().toJson(body)).build();
    }
}
