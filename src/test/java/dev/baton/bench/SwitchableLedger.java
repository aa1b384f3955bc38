package dev.baton.bench;

import dev.baton.ledger.CampaignResultRecord;
import dev.baton.ledger.HandoffLedger;
import dev.baton.ledger.HandoffRecord;
import dev.baton.ledger.LedgerClock;
import dev.baton.ledger.LedgerRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The ledger switch of the benchmarks: while on, the real ledger; while off, the same answers
 * from memory (attempt numbers, pending handoffs, the handoff list), so the gates take the same
 * paths — reviews, four eyes, handoffs — without a single ledger statement. What the switch
 * shows is the ledger's own cost, not a shorter control flow.
 */
class SwitchableLedger extends HandoffLedger {

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        SwitchableLedger switchableLedger(LedgerRepository repository, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            return new SwitchableLedger(repository, jdbc);
        }
    }

    private volatile boolean off;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, List<HandoffRecord>> handoffs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    SwitchableLedger(LedgerRepository repository, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        super(repository);
        this.jdbc = jdbc;
    }

    void off(boolean off) {
        this.off = off;
    }

    @Override
    public void campaignRegistered(String businessKey, String processInstanceId, String name, String type, String channel,
                                   String owner, LocalDate plannedLaunch, Long audienceSize) {
        if (!off) {
            super.campaignRegistered(businessKey, processInstanceId, name, type, channel, owner, plannedLaunch, audienceSize);
        }
    }

    @Override
    public int gateOpened(String businessKey, String processInstanceId, String gate, String taskId, String team,
                          String assignee, OffsetDateTime dueAt) {
        return off ? attempts.computeIfAbsent(businessKey + "|" + gate, k -> new AtomicInteger()).incrementAndGet()
                : super.gateOpened(businessKey, processInstanceId, gate, taskId, team, assignee, dueAt);
    }

    @Override
    public void gateClaimed(String taskId, String assignee) {
        if (!off) {
            super.gateClaimed(taskId, assignee);
        }
    }

    /**
     * Off: the team rule that rides on the claim statement is still asked, in a statement of its
     * own that writes nothing (the rule is not the ledger's work); four eyes from memory.
     */
    @Override
    public boolean gateClaimedByTeamMember(String businessKey, String taskId, String assignee, String reviewOf) {
        if (!off) {
            return super.gateClaimedByTeamMember(businessKey, taskId, assignee, reviewOf);
        }
        boolean inTeam = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one) t WHERE TRUE" + LedgerRepository.CLAIMER_IN_TEAM)
                .param("task", taskId).param("assignee", assignee).query(Long.class).single() == 1;
        return inTeam && (reviewOf == null || pendingHandoff(businessKey, reviewOf).filter(h -> assignee.equals(h.sender())).isEmpty());
    }

    @Override
    public void gateCompleted(String taskId, String completedBy) {
        if (!off) {
            super.gateCompleted(taskId, completedBy);
        }
    }

    @Override
    public void gateCancelled(String taskId) {
        if (!off) {
            super.gateCancelled(taskId);
        }
    }

    @Override
    public void handoffSent(String businessKey, String fromGate, String fromTaskId, String toGate, String fromTeam,
                            String toTeam, String sender, String accountable) {
        if (!off) {
            super.handoffSent(businessKey, fromGate, fromTaskId, toGate, fromTeam, toTeam, sender, accountable);
            return;
        }
        List<HandoffRecord> list = handoffs.computeIfAbsent(businessKey, k -> new ArrayList<>());
        synchronized (list) {
            int attempt = (int) list.stream().filter(h -> h.fromGate().equals(fromGate)).count() + 1;
            list.add(new HandoffRecord(ids.incrementAndGet(), businessKey, fromGate, toGate, fromTeam, toTeam, sender,
                    null, attempt, LedgerClock.now(), null, null, null, null, accountable, 1));
        }
    }

    @Override
    public Optional<HandoffRecord> pendingHandoff(String businessKey, String fromGate) {
        return off ? lastHandoff(businessKey, fromGate).filter(h -> h.decision() == null)
                : super.pendingHandoff(businessKey, fromGate);
    }

    @Override
    public Optional<HandoffRecord> lastHandoff(String businessKey, String fromGate) {
        if (!off) {
            return super.lastHandoff(businessKey, fromGate);
        }
        List<HandoffRecord> list = handoffs.getOrDefault(businessKey, List.of());
        synchronized (list) {
            return list.stream().filter(h -> h.fromGate().equals(fromGate)).reduce((a, b) -> b);
        }
    }

    @Override
    public void handoffDecided(HandoffRecord handoff, boolean accepted, String receiver, Integer quality, String returnReason) {
        if (!off) {
            super.handoffDecided(handoff, accepted, receiver, quality, returnReason);
            return;
        }
        List<HandoffRecord> list = handoffs.get(handoff.businessKey());
        synchronized (list) {
            list.replaceAll(h -> h.id().equals(handoff.id()) ? new HandoffRecord(h.id(), h.businessKey(), h.fromGate(),
                    h.toGate(), h.fromTeam(), h.toTeam(), h.sender(), receiver, h.attempt(), h.sentAt(), LedgerClock.now(),
                    accepted ? HandoffRecord.ACCEPTED : HandoffRecord.RETURNED, quality, accepted ? null : returnReason,
                    h.accountable(), h.fromAttempt()) : h);
        }
    }

    @Override
    public List<HandoffRecord> handoffs(String businessKey) {
        if (!off) {
            return super.handoffs(businessKey);
        }
        List<HandoffRecord> list = handoffs.getOrDefault(businessKey, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public void campaignLaunched(String businessKey, Double controlGroupPercent, Boolean trackingVerified,
                                 Boolean controlGroupTracked) {
        if (!off) {
            super.campaignLaunched(businessKey, controlGroupPercent, trackingVerified, controlGroupTracked);
        }
    }

    @Override
    public void campaignCompleted(CampaignResultRecord result) {
        if (!off) {
            super.campaignCompleted(result);
        }
    }
}
