package dev.baton.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A Camunda user who passed HTTP Basic authentication: id, groups and tenants, as the engine sees them. */
public record BatonUser(String id, List<String> groups, List<String> tenants) {

    public BatonUser {
        groups = List.copyOf(groups);
        tenants = List.copyOf(tenants);
    }

    public boolean isAdmin() {
        return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean isMemberOfAny(List<String> candidates) {
        return candidates.stream().anyMatch(groups::contains);
    }

    /** The caller of the current API request, if it authenticated. */
    public static Optional<BatonUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<BatonUser> of(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof BatonUser user
                ? Optional.of(user) : Optional.empty();
    }
}
