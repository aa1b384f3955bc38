package dev.baton.notification;

import dev.baton.BatonProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The campaign link a mail ends with, chosen per recipient so that it opens a page that exists
 * for them: people who may open Cockpit get the campaign's timeline on the Handoffs page (it
 * exists in every state, and offers the running instance while there is one; Cockpit's own
 * instance page is gone once a campaign ends); everybody else gets the campaign's gates in
 * Tasklist, searched by its code, while it still has gates to work on.
 */
@Component
public class CampaignLinks {

    static final String COCKPIT = "cockpit";
    /** How long an answer of who may open Cockpit is reused: a fan-out asks it for every recipient. */
    static final java.time.Duration REMEMBERED = java.time.Duration.ofMinutes(1);
    private static final int REMEMBERED_USERS = 10_000;

    private record Answer(boolean cockpit, long until) {
    }

    private final java.util.Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();

    private final String baseUrl;
    private final ProcessEngine engine;

    public CampaignLinks(BatonProperties properties, ProcessEngine engine) {
        this.baseUrl = properties.notifications().baseUrl().replaceAll("/+$", "");
        this.engine = engine;
    }

    /** The closing line for one recipient, or "" when no page would help them. Call without an authenticated user. */
    String lineFor(String user, String businessKey, NotificationKind kind) {
        if (businessKey == null) {
            return "";
        }
        if (mayOpenCockpit(user)) {
            return "The campaign's timeline in Cockpit: " + timelineLink(businessKey) + "\n";
        }
        if (kind == NotificationKind.RESULT_READ_OUT) {
            return "";
        }
        return "The campaign's gates in Tasklist: " + tasklistSearchLink(businessKey) + "\n";
    }

    String timelineLink(String businessKey) {
        return baseUrl + "/camunda/app/cockpit/default/#/handoffs?campaign=" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8);
    }

    String tasklistSearchLink(String businessKey) {
        String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
                + businessKey.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"name\":\"\"}]";
        return baseUrl + "/camunda/app/tasklist/default/#/?searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
    }

    /**
     * As the webapps decide at login: everyone when authorization is off, else admins and those
     * granted Cockpit. Remembered for {@link #REMEMBERED}: a changed grant shows in mails a minute later.
     */
    boolean mayOpenCockpit(String user) {
        long now = System.nanoTime();
        Answer known = answers.get(user);
        if (known != null && now - known.until() < 0) {
            return known.cockpit();
        }
        if (answers.size() > REMEMBERED_USERS) {
            answers.clear();
        }
        boolean cockpit = askWhetherMayOpenCockpit(user);
        answers.put(user, new Answer(cockpit, now + REMEMBERED.toNanos()));
        return cockpit;
    }

    private boolean askWhetherMayOpenCockpit(String user) {
        var configuration = engine.getProcessEngineConfiguration();
        if (!configuration.isAuthorizationEnabled()) {
            return true;
        }
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).listPage(0, 500).stream()
                .map(Group::getId).toList();
        var admins = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration).getAdminGroups();
        if (admins != null && groups.stream().anyMatch(admins::contains)) {
            return true;
        }
        return engine.getAuthorizationService().isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, COCKPIT);
    }
}
