package dev.baton.reliability;

import dev.baton.EngineLists;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Clear HTTP answers when the database is away, a campaign changed concurrently, a body is
 * malformed or a completion refused; and the engine's queries without OGNL's method scans.
 */
@Configuration
public class ReliabilityConfig extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(EngineLists.before(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new HttpFailureInterceptor()));
        OgnlPropertyCache.install(configuration);
    }

    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonBodyCheck> jsonBodyCheck() {
        FilterRegistrationBean<JsonBodyCheck> registration = new FilterRegistrationBean<>(new JsonBodyCheck());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShortRefusalMessages> shortRefusalMessages() {
        FilterRegistrationBean<ShortRefusalMessages> registration = new FilterRegistrationBean<>(new ShortRefusalMessages());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineProviderLookup> engineProviderLookup() {
        FilterRegistrationBean<EngineProviderLookup> registration = new FilterRegistrationBean<>(new EngineProviderLookup());
        // the same paths Jersey serves, where Camunda's resources look the engine up
        registration.addUrlPatterns(JerseyPathsIntrospector.JERSEY_PATHS.stream().map(path -> path + "*").toArray(String[]::new));
        // last before the servlet: the filters in front of it run with the server's own loader
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    static JerseyPathsIntrospector.Installer jerseyPathsIntrospector() {
        return new JerseyPathsIntrospector.Installer();
    }

    /**
     * Names the field of a REST body that cannot be read, where Camunda answers with an empty message,
     * and the query criterion an OR query cannot take, where Camunda answers 500.
     */
    @Bean
    ResourceConfigCustomizer jsonMappingMessages() {
        return config -> config.register(JsonMappingMessages.class).register(QueryUsageMessages.class);
    }

    /** The same answers to bad queries on the webapps' engine API (Tasklist, Cockpit). */
    @Bean
    static WebappEngineApiProviders webappEngineApiProviders() {
        return new WebappEngineApiProviders();
    }

    /** Camunda's REST API with one configured ObjectMapper instead of a new one per request and body. */
    @Bean
    SharedRestObjectMapper.RestResources restResources() {
        return new SharedRestObjectMapper.RestResources();
    }
}
