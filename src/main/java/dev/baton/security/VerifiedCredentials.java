package dev.baton.security;

import dev.baton.BatonProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials that Camunda's identity service accepted a moment ago, so that every
 * API call does not re-run the password hash and the group look-ups. Bounded (least recently used
 * users drop out), short-lived, and emptied whenever users, groups or memberships change
 * ({@link IdentityChangeEviction}). Passwords are kept only as a salted digest.
 */
@Component
public class VerifiedCredentials {

    private final long ttlNanos;
    private final int maxEntries;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries;

    private record Entry(byte[] digest, BatonUser user, long expiresAt) {
    }

    public VerifiedCredentials(BatonProperties properties) {
        this.ttlNanos = properties.security().credentialCache().ttl().toNanos();
        this.maxEntries = properties.security().credentialCache().maxEntries();
        new SecureRandom().nextBytes(salt);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedCredentials.this.maxEntries;
            }
        };
    }

    /** The user, when these exact credentials were verified within the TTL. */
    public Optional<BatonUser> lookup(String userId, String password) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.get(userId);
        }
        if (entry == null || System.nanoTime() - entry.expiresAt() > 0
                || !MessageDigest.isEqual(entry.digest(), digest(userId, password))) {
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    public void remember(String userId, String password, BatonUser user) {
        if (ttlNanos <= 0) {
            return;
        }
        Entry entry = new Entry(digest(userId, password), user, System.nanoTime() + ttlNanos);
        synchronized (entries) {
            entries.put(userId, entry);
        }
    }

    /** Called after any change to users, groups, tenants or memberships: verify everyone again. */
    public void forgetAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(userId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
