package dev.baton.reliability;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring MVC's HandlerMappingIntrospector as Spring Security uses it, minus a look-up that cannot
 * find anything: Spring Security runs the introspector's cache filter for every request, which
 * walks all of Spring MVC's handler mappings to note which handler would serve the request (4 % of
 * a REST request's CPU on the REST load benchmark). Camunda's APIs are served by Jersey, so for
 * them the walk is skipped; Baton's access rules match paths themselves and never ask for it.
 * Everything else is looked up and kept as before.
 */
public class JerseyPathsIntrospector extends HandlerMappingIntrospector {

    static final List<String> JERSEY_PATHS = List.of("/engine-rest/", "/camunda/api/");

    @Override
    public Filter createCacheFilter() {
        Filter cache = super.createCacheFilter();
        return (request, response, chain) -> {
            if (servedByJersey((HttpServletRequest) request)) {
                chain.doFilter(request, response);
            } else {
                cache.doFilter(request, response, chain);
            }
        };
    }

    static boolean servedByJersey(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return JERSEY_PATHS.stream().anyMatch(path::startsWith);
    }

    /**
     * Puts this introspector in place of the one Spring MVC declares, before it is initialized (a
     * bean post-processor: the declaration itself belongs to Spring MVC's configuration).
     */
    public static class Installer implements BeanPostProcessor, ApplicationContextAware {

        private ApplicationContext context;

        @Override
        public void setApplicationContext(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean.getClass() != HandlerMappingIntrospector.class) {
                return bean;
            }
            JerseyPathsIntrospector replacement = new JerseyPathsIntrospector();
            replacement.setApplicationContext(context);
            return replacement;
        }
    }
}
