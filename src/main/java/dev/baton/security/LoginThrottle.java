package dev.baton.security;

import dev.baton.BatonProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Failed logins slow down the client (network address) that sends them, never the account: after
 * a few free failures each further attempt from that address must wait twice as long as the last,
 * up to a maximum, and a successful login clears it. An attacker who guesses passwords only slows
 * themselves; the user they target logs in from their own address as usual. Camunda's own per-user
 * lock is switched off (loginMaxAttempts, loginDelayBase in application.yaml) for that reason.
 */
@Component
public class LoginThrottle {

    private final int freeAttempts;
    private final long baseNanos;
    private final long maxNanos;
    private final int maxClients;
    private final Map<String, Failures> clients;

    private record Failures(int count, long lastAt) {
    }

    public LoginThrottle(BatonProperties properties) {
        BatonProperties.LoginThrottle settings = properties.security().loginThrottle();
        this.freeAttempts = Math.max(0, settings.freeAttempts());
        this.baseNanos = settings.baseDelay().toNanos();
        this.maxNanos = settings.maxDelay().toNanos();
        this.maxClients = settings.maxClients();
        this.clients = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > LoginThrottle.this.maxClients;
            }
        };
    }

    /** How long this client must still wait before its next login attempt is checked (zero: go ahead). */
    public Duration waitFor(String client) {
        Failures failures;
        synchronized (clients) {
            failures = clients.get(client);
        }
        if (failures == null) {
            return Duration.ZERO;
        }
        long remaining = failures.lastAt() + delayAfter(failures.count()) - System.nanoTime();
        return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
    }

    public void failed(String client) {
        long now = System.nanoTime();
        synchronized (clients) {
            Failures before = clients.get(client);
            clients.put(client, new Failures(before == null ? 1 : before.count() + 1, now));
        }
    }

    public void succeeded(String client) {
        synchronized (clients) {
            clients.remove(client);
        }
    }

    private long delayAfter(int failures) {
        if (failures < freeAttempts) {
            return 0;
        }
        int doublings = Math.min(failures - freeAttempts, 40);
        double delay = baseNanos * Math.pow(2, doublings);
        return (long) Math.min(delay, maxNanos);
    }
}
