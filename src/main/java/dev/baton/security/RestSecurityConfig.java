package dev.baton.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Security is the one gate for Camunda's REST API (/engine-rest), Baton's own API (/api)
 * and the actuator: its firewall refuses ambiguous paths (matrix parameters, encoded separators,
 * dot segments, double slashes) for every request before anything routes them, HTTP Basic
 * credentials are checked against Camunda's identity service, and the access rules match the
 * normalized path. The webapps (Tasklist, Cockpit, Admin) keep Camunda's own session login and
 * CSRF protection; Spring Security only puts its firewall in front of them.
 */
@Configuration
public class RestSecurityConfig {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /**
     * No Micrometer observation around each security filter: measured on the REST load benchmark
     * it was a fifth of the time a request spent outside Camunda; request metrics
     * (http_server_requests) stay.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationManager camundaIdentityAuthentication(IdentityService identity, VerifiedCredentials verified,
                                                        LoginThrottle throttle) {
        ProviderManager manager = new ProviderManager(new CamundaIdentityAuthentication(identity, verified, throttle));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apis(HttpSecurity http, AuthenticationManager authentication, IdentityService identity)
            throws Exception {
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**"),
                        PATHS.matcher("/actuator/**")))
                .authenticationManager(authentication)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**")).permitAll()
                        .requestMatchers(PATHS.matcher("/actuator/prometheus")).access(ApiAccessRules.scrapers())
                        .requestMatchers(PATHS.matcher("/actuator/**")).access(ApiAccessRules.admins("the actuator"))
                        .requestMatchers(PATHS.matcher("/api/notifications"), PATHS.matcher("/api/notifications/**"))
                        .access(ApiAccessRules.admins("the notification outbox"))
                        .requestMatchers(PATHS.matcher("/api/notification-preferences/{" + ApiAccessRules.OWNER_VARIABLE + "}"))
                        .access(ApiAccessRules.ownerOrAdmin())
                        .requestMatchers(PATHS.matcher("/api/notification-preferences/**"))
                        .access(ApiAccessRules.admins("listing notification preferences"))
                        .requestMatchers(PATHS.matcher("/api/campaigns")).access(ApiAccessRules.projectManagers())
                        .requestMatchers(PATHS.matcher("/api/**")).access(ApiAccessRules.campaignReaders())
                        .requestMatchers(PATHS.matcher("/engine-rest/**")).authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("Baton").authenticationEntryPoint(SecurityResponses.entryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityResponses.entryPoint())
                        .accessDeniedHandler(SecurityResponses.accessDenied()))
                // stateless Basic authentication on every call: no session, no CSRF token to steal
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterAfter(new EngineAuthenticationBinding(identity), AuthorizationFilter.class)
                .addFilterBefore(new NoStoreResponses(), HeaderWriterFilter.class);
        return http.build();
    }

    /** The webapps and everything else: Camunda authenticates them; Spring Security adds only its firewall. */
    @Bean
    @Order(2)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        return web -> web.httpFirewall(firewall).requestRejectedHandler(SecurityResponses.requestRejected());
    }

    @Bean
    FilterRegistrationBean<SetupEndpointBlock> setupEndpointBlock() {
        FilterRegistrationBean<SetupEndpointBlock> registration = new FilterRegistrationBean<>(new SetupEndpointBlock());
        registration.addUrlPatterns(SetupEndpointBlock.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle) {
        FilterRegistrationBean<WebappLoginThrottle> registration = new FilterRegistrationBean<>(new WebappLoginThrottle(throttle));
        registration.addUrlPatterns(WebappLoginThrottle.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PagingParameterGuard> pagingParameterGuard() {
        FilterRegistrationBean<PagingParameterGuard> registration = new FilterRegistrationBean<>(new PagingParameterGuard());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

}
