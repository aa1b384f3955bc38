package dev.baton.setup;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Baton's Tasklist filters exist in every installation, not only in the demo. */
@Component
public class FilterSetup {

    private final TasklistFilters filters;

    public FilterSetup(TasklistFilters filters) {
        this.filters = filters;
    }

    @EventListener
    public void onPostDeploy(PostDeployEvent event) {
        filters.create(event.getProcessEngine());
    }
}
