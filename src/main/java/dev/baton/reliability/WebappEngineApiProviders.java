package dev.baton.reliability;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Baton's answers to bad queries ({@link QueryUsageMessages}) also on the webapps' engine API
 * ({@code /camunda/api/engine}, what Tasklist and Cockpit call), which Camunda's webapp starter
 * serves with a Jersey application of its own that {@code /engine-rest}'s customizers do not
 * reach. The starter's initializer registers that servlet; this wraps the initializer so that the
 * servlet gets the provider right after, whatever order the initializers run in.
 */
public class WebappEngineApiProviders implements BeanPostProcessor {

    /** The name Camunda's webapp starter gives the engine API's servlet. */
    static final String ENGINE_API_SERVLET = "Engine Api";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof CamundaBpmWebappInitializer camunda)) {
            return bean;
        }
        return (ServletContextInitializer) context -> {
            camunda.onStartup(context);
            addProviders(context);
        };
    }

    static void addProviders(ServletContext context) throws ServletException {
        ServletRegistration engineApi = context.getServletRegistration(ENGINE_API_SERVLET);
        if (engineApi == null) {
            throw new ServletException("Camunda's webapp starter registered no servlet '" + ENGINE_API_SERVLET
                    + "': Baton's query error answers would not reach /camunda/api/engine");
        }
        engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, QueryUsageMessages.class.getName());
    }
}
