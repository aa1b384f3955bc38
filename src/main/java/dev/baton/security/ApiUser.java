package dev.baton.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The authenticated caller of Baton's own API, kept on the request by {@link ApiAuthenticationFilter}. */
public record ApiUser(String id, List<String> groups) {

    static final String ATTRIBUTE = ApiUser.class.getName();

    public boolean isAdmin() {
        return groups.contains(ApiAccessPolicy.ADMINS);
    }

    public boolean isMemberOfAny(List<String> candidates) {
        return candidates.stream().anyMatch(groups::contains);
    }

    public static ApiUser of(HttpServletRequest request) {
        return (ApiUser) request.getAttribute(ATTRIBUTE);
    }
}
