package dev.baton.gate;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Gate events delivered to the Spring beans that listen ({@link GateEvents.Listener}), in the
 * publishing thread and transaction. Direct calls, not Spring application events: a gate
 * publishes on every opening, and resolving listeners by event type each time cost more than
 * the reaction.
 */
@Component
class SpringGateEvents implements GateEvents {

    /** Looked up on first use and kept: the listeners depend on beans that are built after the engine. */
    private final Supplier<List<Listener>> listeners;

    SpringGateEvents(ObjectProvider<Listener> listeners) {
        this.listeners = SingletonSupplier.of(() -> listeners.orderedStream().toList());
    }

    @Override
    public void publish(Object event) {
        for (Listener listener : listeners.get()) {
            GateEvents.deliver(listener, event);
        }
    }
}
