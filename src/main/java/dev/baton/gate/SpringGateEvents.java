package dev.baton.gate;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gate events delivered to the Spring beans that listen ({@link GateEvents.Listener}), in the
 * publishing thread and transaction. Direct calls, not Spring application events: a gate
 * publishes on every opening, and resolving listeners by event type each time cost more than
 * the reaction.
 */
@Component
class SpringGateEvents implements GateEvents {

    private final ObjectProvider<Listener> listeners;
    private volatile List<Listener> known;

    SpringGateEvents(ObjectProvider<Listener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void publish(Object event) {
        List<Listener> all = known;
        if (all == null) {
            // looked up on first use: the listeners depend on beans that are built after the engine
            all = listeners.orderedStream().toList();
            known = all;
        }
        for (Listener listener : all) {
            GateEvents.deliver(listener, event);
        }
    }
}
