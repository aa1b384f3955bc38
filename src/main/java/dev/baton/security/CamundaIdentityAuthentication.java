package dev.baton.security;

import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks HTTP Basic credentials against Camunda's identity service (the users and groups of
 * Camunda Admin). The authenticated user's groups become its authorities, for the path rules, and
 * are handed to the engine by {@link EngineAuthenticationBinding}. Failed checks count against the
 * calling address ({@link LoginThrottle}); accepted ones are remembered briefly ({@link VerifiedCredentials}).
 */
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private static final int MAX_GROUPS = 200;

    private final IdentityService identity;
    private final VerifiedCredentials verified;
    private final LoginThrottle throttle;

    CamundaIdentityAuthentication(IdentityService identity, VerifiedCredentials verified, LoginThrottle throttle) {
        this.identity = identity;
        this.verified = verified;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String userId = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        Optional<BatonUser> known = verified.lookup(userId, password);
        if (known.isPresent()) {
            return authenticated(known.get());
        }
        String client = client(request);
        Duration wait = throttle.waitFor(client);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        if (userId.isEmpty() || !identity.checkPassword(userId, password)) {
            throttle.failed(client);
            throw new BadCredentialsException("unknown user or wrong password");
        }
        throttle.succeeded(client);
        BatonUser user = new BatonUser(userId,
                identity.createGroupQuery().groupMember(userId).listPage(0, MAX_GROUPS).stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).listPage(0, MAX_GROUPS)
                        .stream().map(Tenant::getId).toList());
        verified.remember(userId, password, user);
        return authenticated(user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Authentication authenticated(BatonUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.groups().stream().map(SimpleGrantedAuthority::new).toList());
    }

    private static String client(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }
}
