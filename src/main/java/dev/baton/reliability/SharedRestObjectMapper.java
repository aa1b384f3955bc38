package dev.baton.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The ObjectMapper of Camunda's REST API, configured once. The REST resources ask for a mapper on
 * every request and the JSON provider for every body, and Camunda's resolver builds a new one each
 * time (date format, features, Java time module): 3 % of the request threads' time in the REST
 * benchmark's profile. This resolver hands out one mapper configured by Camunda's own
 * {@link JacksonConfigurator#configureObjectMapper}, so the JSON is exactly Camunda's; a mapper is
 * safe to share once configured (Jackson copies the date format for each use).
 */
public class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

    /** Built on first use, after the REST API's start-up has set Camunda's date format. */
    private static final class Shared {
        static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Shared.MAPPER;
    }

    /**
     * Camunda's REST API as the starter registers it, with this resolver in place of Camunda's:
     * Jersey asks resolvers of one type in the order they were registered and takes the first
     * answer, so Camunda's must not be registered at all.
     */
    public static class RestResources extends CamundaJerseyResourceConfig {

        @Override
        protected void registerCamundaRestResources() {
            registerClasses(CamundaRestResources.getResourceClasses());
            Set<Class<?>> configuration = new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
            configuration.remove(JacksonConfigurator.class);
            registerClasses(configuration);
            register(SharedRestObjectMapper.class);
            register(JacksonFeature.class);
        }
    }
}
