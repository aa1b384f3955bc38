package dev.baton.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine configuration of Camunda's Spring Boot starter, with one change: the
 * queryMaxResultsLimit (application.yaml) bounds every authenticated query except those of
 * Camunda's own webapps (/camunda/*), because Tasklist lists its filters without paging and would
 * show none. Integrations on /engine-rest must page (maxResults up to the limit).
 */
@Configuration
public class ApiBoundedQueries {

    @Bean
    public ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
        SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new WebappExemptConfiguration());
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }

    static boolean webappRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
        }
        return false;
    }

    private static final class WebappExemptConfiguration extends SpringProcessEngineConfiguration {
        @Override
        public int getQueryMaxResultsLimit() {
            return webappRequest() ? Integer.MAX_VALUE : super.getQueryMaxResultsLimit();
        }
    }
}
