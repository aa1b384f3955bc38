package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class GatePluginTest {

    @Test
    void theGateServiceIsLookedUpOnFirstUseAndThenKept() {
        GateService service = new GateService(null, null, null, null, null, java.util.List.of());
        AtomicInteger lookups = new AtomicInteger();
        ObjectProvider<GateService> provider = new ObjectProvider<>() {
            @Override
            public GateService getObject() {
                lookups.incrementAndGet();
                return service;
            }

            @Override
            public GateService getObject(Object... args) {
                return getObject();
            }

            @Override
            public GateService getIfAvailable() {
                return getObject();
            }

            @Override
            public GateService getIfUnique() {
                return getObject();
            }
        };

        Supplier<GateService> gates = GatePlugin.resolvedOnce(provider);
        assertThat(lookups).as("not while the engine is built").hasValue(0);

        for (int i = 0; i < 3; i++) {
            assertThat(gates.get()).isSameAs(service);
        }
        assertThat(lookups).hasValue(1);
    }
}
