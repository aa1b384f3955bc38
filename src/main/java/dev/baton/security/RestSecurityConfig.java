package dev.baton.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Authentication for every API: Camunda's REST API (/engine-rest) and Baton's own (/api, and
 * the Prometheus scrape) take HTTP Basic credentials of Camunda users; the webapps keep their own
 * session login. The filters run first (only the database-outage filter wraps them), so nothing
 * is reachable unauthenticated.
 */
@Configuration
public class RestSecurityConfig {

    @Bean
    FilterRegistrationBean<SetupEndpointBlock> setupEndpointBlock() {
        FilterRegistrationBean<SetupEndpointBlock> registration = new FilterRegistrationBean<>(new SetupEndpointBlock());
        registration.addUrlPatterns(SetupEndpointBlock.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        // the filter reads the engine name from the path after this prefix (/engine-rest/engine/{name}/...)
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OrQueryExpressionGuard> orQueryExpressionGuard() {
        FilterRegistrationBean<OrQueryExpressionGuard> registration = new FilterRegistrationBean<>(new OrQueryExpressionGuard());
        // the REST API, and the same engine API as the webapps (Tasklist, Cockpit) call it
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PagingParameterGuard> pagingParameterGuard() {
        FilterRegistrationBean<PagingParameterGuard> registration = new FilterRegistrationBean<>(new PagingParameterGuard());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        registration.addUrlPatterns("/api/*", "/actuator/prometheus");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
