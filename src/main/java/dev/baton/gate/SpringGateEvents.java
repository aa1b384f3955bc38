package dev.baton.gate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Gate events as Spring application events: listeners run in the publishing thread and transaction. */
@Component
class SpringGateEvents implements GateEvents {

    private final ApplicationEventPublisher publisher;

    SpringGateEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(Object event) {
        publisher.publishEvent(event);
    }
}
