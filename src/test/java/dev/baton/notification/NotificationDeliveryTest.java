package dev.baton.notification;

import static dev.baton.CampaignFixtures.audiencePull;
import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.readout;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.trackingSignOff;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.baton.BatonProperties;
import dev.baton.campaign.CampaignLifecycleProcess;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Notifications through a real SMTP server (GreenMail): every kind reaches the right people
 * with its links; a mail server that is down delays mail and loses none; two nodes send each
 * notification exactly once; an opted-out user gets no informational mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:notifications;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false", "spring.mail.host=localhost", "spring.mail.port=3025",
        "baton.notifications.poll-interval=PT1H", "baton.notifications.base-url=http://baton.example:8080",
        "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric"})
@DirtiesContext
class NotificationDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    OutboxSender sender;
    @Autowired
    JavaMailSender mail;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationFanOut fanOut;
    @Autowired
    ObjectProvider<JavaMailSender> mailProvider;
    @Autowired
    BatonProperties properties;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.baton.gate.SlaWatch slaWatch;
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    @Autowired
    void authenticatedAsAdmin(org.springframework.boot.test.web.client.TestRestTemplate template) {
        this.rest = dev.baton.web.TestUsers.asAdmin(template);
    }

    @BeforeEach
    void usersAndAnEmptyOutbox() {
        user("pat", "project-managers");
        user("sara", "strategy");
        user("anna", "analytics");
        user("tom", "analytics");
        user("eric", "execution");
        user("olivia", "optimization");
        jdbc.sql("DELETE FROM notification").update();
        jdbc.sql("DELETE FROM notification_event").update();
        jdbc.sql("DELETE FROM notification_preference").update();
    }

    /**
     * The gate's due date passes and the SLA watch sweeps; the open gates of the other tests'
     * campaigns are moved out of the way, so that only this breach is mailed.
     */
    private void overdue(ProcessInstance campaign, String gate) {
        var task = tasks.createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey(gate).singleResult();
        jdbc.sql("UPDATE gate_attempt SET due_at = :later WHERE task_id <> :t AND completed_at IS NULL")
                .param("later", java.time.OffsetDateTime.now().plusYears(1)).param("t", task.getId()).update();
        ClockUtil.setCurrentTime(new java.util.Date(task.getDueDate().getTime() + 60_000));
        assertThat(slaWatch.sweep()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT sla_breached_at FROM gate_attempt WHERE task_id = :t").param("t", task.getId())
                .query(java.time.OffsetDateTime.class).single()).isNotNull();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyKindReachesTheRightPeopleWithLinks() throws Exception {
        ProcessInstance campaign = runtime.startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        work(campaign, CampaignLifecycleProcess.STRATEGIC_BRIEF, "sara", brief());
        work(campaign, CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, "anna", returned(2, "Which KPI, exactly?"));
        overdue(campaign, CampaignLifecycleProcess.STRATEGIC_BRIEF);
        work(campaign, CampaignLifecycleProcess.STRATEGIC_BRIEF, "sara", brief());
        work(campaign, CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        work(campaign, CampaignLifecycleProcess.AUDIENCE_PULL, "eric", audiencePull(50_000, 5_000));
        work(campaign, CampaignLifecycleProcess.TRACKING_SIGN_OFF, "tom", trackingSignOff());
        management.executeJob(management.createJobQuery().processInstanceId(campaign.getId())
                .activityId(CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED).singleResult().getId());
        work(campaign, CampaignLifecycleProcess.RESULTS_READOUT, "anna", readout(2_700, 225));

        int pending = listed(null, NotificationRecord.PENDING, 500).size();
        assertThat(sender.send(mail)).isEqualTo(pending);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(pending);

        assertThat(recipients(received, "[Baton] Write strategic brief – " + campaign.getBusinessKey() + " Winter welcome acquisition is waiting for strategy"))
                .as("strategy: sara and max").containsExactlyInAnyOrder("sara@baton.example", "max@baton.example");
        assertThat(recipients(received, "[Baton] Design test and control group – " + campaign.getBusinessKey() + " Winter welcome acquisition is waiting"))
                .as("analytics, twice").containsExactlyInAnyOrder("anna@baton.example", "max@baton.example",
                        "tom@baton.example", "anna@baton.example", "max@baton.example", "tom@baton.example");
        assertThat(recipients(received, "[Baton] Returned: Write strategic brief – " + campaign.getBusinessKey() + " Winter welcome acquisition (by anna)"))
                .as("sender and accountable are both sara: one mail").containsExactly("sara@baton.example");
        assertThat(recipients(received, "[Baton] Overdue: Write strategic brief"))
                .containsExactlyInAnyOrder("sara@baton.example", "pat@baton.example");
        assertThat(recipients(received, "[Baton] Launched: " + campaign.getBusinessKey() + " Winter welcome acquisition"))
                .as("informed: project managers, strategy, execution").containsExactlyInAnyOrder("pat@baton.example",
                        "sara@baton.example", "max@baton.example", "eric@baton.example", "ella@baton.example");
        assertThat(recipients(received, "[Baton] Results: " + campaign.getBusinessKey() + " Winter welcome acquisition, lift +33.3% against control"))
                .as("informed: project managers, strategy, optimisation").containsExactlyInAnyOrder("pat@baton.example",
                        "sara@baton.example", "max@baton.example", "olivia@baton.example");

        String code = campaign.getBusinessKey();
        String arrival = body(received, "[Baton] Write strategic brief", "sara@baton.example");
        assertThat(arrival).contains("http://baton.example:8080/camunda/app/tasklist/default/#/?task=")
                .as("strategy cannot open Cockpit: its campaign link is a Tasklist search by the code")
                .contains("http://baton.example:8080/camunda/app/tasklist/default/#/?searchQuery=%5B%7B%22type%22%3A%22processInstanceBusinessKey%22%2C%22operator%22%3A%22eq%22%2C%22value%22%3A%22"
                        + code + "%22")
                .doesNotContain("/cockpit/");
        String timeline = "http://baton.example:8080/camunda/app/cockpit/default/#/handoffs?campaign=" + code;
        assertThat(body(received, "[Baton] Overdue: Write strategic brief", "pat@baton.example"))
                .as("a project manager gets the campaign's timeline in Cockpit, which exists in every state").contains(timeline)
                .doesNotContain("/process-instance/");
        assertThat(body(received, "[Baton] Results: ", "pat@baton.example")).contains(timeline);
        assertThat(body(received, "[Baton] Results: ", "sara@baton.example"))
                .as("a finished campaign has no gates left in Tasklist: no link rather than an empty page")
                .doesNotContain("/cockpit/").doesNotContain("searchQuery");
        assertThat(body(received, "[Baton] Returned")).contains("Which KPI, exactly?").contains("quality 2/5");
        assertThat(listed(null, NotificationRecord.PENDING, 500)).isEmpty();
    }

    @Test
    void mailServerDownDelaysMailButLosesNone() {
        smtp.stop();
        runtime.startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        assertThat(listed("sara", null, 10)).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo("pending"));

        assertThat(sender.send(mail)).isZero();
        NotificationRecord failed = listed("sara", null, 10).get(0);
        assertThat(failed.status()).isEqualTo("pending");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.nextAttemptAt()).isAfter(failed.createdAt().plusSeconds(29));

        smtp.start();
        assertThat(sender.send(mail)).as("not before the backoff has passed").isZero();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(31)));
        assertThat(sender.send(mail)).as("sara and max, both in strategy").isEqualTo(2);
        assertThat(sender.send(mail)).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(listed("sara", null, 10)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("sent");
            assertThat(n.attempts()).isEqualTo(2);
        });
    }

    @Test
    void twoNodesSendEachNotificationExactlyOnce() throws Exception {
        for (int i = 0; i < 12; i++) {
            runtime.startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_event").query(Long.class).single())
                .as("one event per arrival, however many people it concerns").isEqualTo(12);
        int pending = 24; // one arrival for sara and one for max per campaign, resolved by the two nodes racing
        OutboxSender nodeA = new OutboxSender(outbox, fanOut, mailProvider, properties, "node-a");
        OutboxSender nodeB = new OutboxSender(outbox, fanOut, mailProvider, properties, "node-b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                runs.add(pool.submit(() -> nodeA.send(mail)));
                runs.add(pool.submit(() -> nodeB.send(mail)));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            assertThat(sent).isEqualTo(pending);
        } finally {
            pool.shutdown();
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(pending);
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(outbox.list(null, null, 500)).as("each event resolved once").hasSize(pending);
        assertThat(listed(null, NotificationRecord.SENT, 500)).hasSize(pending)
                .allSatisfy(n -> assertThat(n.attempts()).isEqualTo(1));
    }

    @Test
    void optedOutUsersGetNoInformationalMailButStillTheirEscalations() {
        outbox.setOptOut("sara", true, dev.baton.ledger.LedgerClock.now());
        ProcessInstance campaign = runtime.startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        assertThat(listed("sara", null, 10)).as("no arrival mail").isEmpty();
        overdue(campaign, CampaignLifecycleProcess.STRATEGIC_BRIEF);
        assertThat(listed("sara", null, 10)).extracting(NotificationRecord::kind).containsExactly("SLA_BREACHED");
    }

    @Test
    void usersWithoutAnAddressAreKeptVisibleAndNeverSent() {
        identity.saveUser(userWithoutMail("nomail"));
        identity.createMembership("nomail", "strategy");
        runtime.startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        assertThat(listed("nomail", null, 10)).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo("no-address"));
        sender.send(mail);
        assertThat(listed("nomail", null, 10).get(0).status()).isEqualTo("no-address");
        identity.deleteUser("nomail");
    }

    @Test
    void outboxAndPreferencesOverHttp() {
        runtime.startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        var list = rest.getForEntity("/api/notifications?recipient=sara&status=pending", List.class);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody()).hasSize(1);
        assertThat(rest.getForEntity("/api/notifications?status=lost", Map.class).getStatusCode().value()).isEqualTo(400);

        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var put = rest.exchange("/api/notification-preferences/tom", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>("{\"informationalOptOut\": true}", headers), Map.class);
        assertThat(put.getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForObject("/api/notification-preferences/tom", Map.class))
                .containsEntry("informationalOptOut", true);
        assertThat(outbox.optedOutOfInformational("tom")).isTrue();
        var bad = rest.exchange("/api/notification-preferences/tom", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>("{}", headers), Map.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat((String) bad.getBody().get("detail")).contains("informationalOptOut");
    }

    /** The outbox as the API lists it: events resolved to people first. */
    private List<NotificationRecord> listed(String recipient, String status, int limit) {
        fanOut.expand();
        return outbox.list(recipient, status, limit);
    }

    private void work(ProcessInstance campaign, String key, String user, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey(key).singleResult();
        tasks.setAssignee(task.getId(), user);
        tasks.complete(task.getId(), values);
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setEmail(id + "@baton.example");
            identity.saveUser(user);
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().memberOfGroup(group).userId(id).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    private org.camunda.bpm.engine.identity.User userWithoutMail(String id) {
        return identity.newUser(id);
    }

    private static List<String> recipients(MimeMessage[] messages, String subjectPrefix) throws MessagingException {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : messages) {
            if (m.getSubject().startsWith(subjectPrefix)) {
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(to::add);
            }
        }
        return to;
    }

    private static String body(MimeMessage[] messages, String subjectPrefix, String to) throws MessagingException {
        for (MimeMessage m : messages) {
            if (m.getSubject().startsWith(subjectPrefix) && m.getAllRecipients()[0].toString().equals(to)) {
                return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
            }
        }
        throw new AssertionError("no mail with subject " + subjectPrefix + " to " + to);
    }

    private static String body(MimeMessage[] messages, String subjectPrefix) throws MessagingException {
        for (MimeMessage m : messages) {
            if (m.getSubject().startsWith(subjectPrefix)) {
                return GreenMailUtil.getBody(m);
            }
        }
        throw new AssertionError("no mail with subject " + subjectPrefix);
    }
}
