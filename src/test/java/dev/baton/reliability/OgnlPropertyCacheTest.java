package dev.baton.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.junit.jupiter.api.Test;

/**
 * The cached readers answer every kind of property exactly as OGNL does (getter, is-getter, a
 * method named like the property, a field, a missing name, a getter that throws), and only for an
 * engine that installed them: another engine in the JVM keeps OGNL's own look-ups.
 */
class OgnlPropertyCacheTest {

    /** Shaped like Camunda's query objects; used by no other test, so OGNL meets it here first. */
    public static class Probe {
        private final String onlyAField = "field value";
        public final Probe child;

        Probe(Probe child) {
            this.child = child;
        }

        public String getName() {
            return "name value";
        }

        public boolean isActive() {
            return true;
        }

        public boolean shouldPerformCheck() {
            return false;
        }

        public List<String> getTenantIds() {
            return List.of("a", "b");
        }

        public String getBroken() {
            throw new IllegalStateException("broken getter");
        }
    }

    private static final List<String> EXPRESSIONS = List.of("name", "active", "shouldPerformCheck", "onlyAField",
            "tenantIds.size()", "child.name", "child.shouldPerformCheck", "child.onlyAField", "name != null and active",
            "child.child == null");

    private final Probe root = new Probe(new Probe(null));

    @org.junit.jupiter.api.BeforeAll
    static void installedForSomeEngine() {
        // as in Baton: installed before OGNL meets a class (it remembers each class's accessor)
        OgnlPropertyCache.install(new StandaloneInMemProcessEngineConfiguration());
    }

    @Test
    void anInstalledEngineReadsEveryKindOfPropertyAsOgnlDoes() {
        Map<String, Object> plain = evaluateAll();
        assertThat(OgnlPropertyCache.remembers(Probe.class, "shouldPerformCheck")).as("no engine: OGNL's own").isFalse();

        StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
        OgnlPropertyCache.install(engine);
        Context.setProcessEngineConfiguration(engine);
        try {
            assertThat(evaluateAll()).isEqualTo(plain);
            assertThat(OgnlPropertyCache.remembers(Probe.class, "shouldPerformCheck")).isTrue();
            assertThat(OgnlPropertyCache.remembers(Probe.class, "name")).isTrue();
            assertThatThrownBy(() -> OgnlCache.getValue("noSuchProperty", root)).isInstanceOf(BuilderException.class)
                    .hasMessageContaining("noSuchProperty");
            assertThatThrownBy(() -> OgnlCache.getValue("broken", root)).isInstanceOf(BuilderException.class)
                    .hasStackTraceContaining("broken getter");
        } finally {
            Context.removeProcessEngineConfiguration();
        }
        assertThat(plain).containsEntry("name", "name value").containsEntry("active", true)
                .containsEntry("shouldPerformCheck", false).containsEntry("onlyAField", "field value")
                .containsEntry("tenantIds.size()", 2).containsEntry("child.child == null", true);
    }

    @Test
    void anotherEngineInTheJvmKeepsOgnlsOwnLookUps() {
        StandaloneInMemProcessEngineConfiguration other = new StandaloneInMemProcessEngineConfiguration();
        Context.setProcessEngineConfiguration(other);
        try {
            Other value = new Other();
            assertThat(OgnlCache.getValue("enabled", value)).isEqualTo(true);
            assertThat(OgnlPropertyCache.remembers(Other.class, "enabled")).isFalse();
        } finally {
            Context.removeProcessEngineConfiguration();
        }
    }

    @Test
    void camundasAuthorizationAndTenantChecksReadThroughTheCacheHoweverEarlyOgnlMetThem() throws Exception {
        for (Class<?> checks : OgnlPropertyCache.CHECKS) {
            assertThat(org.apache.ibatis.ognl.OgnlRuntime.getPropertyAccessor(checks)).as(checks.getSimpleName())
                    .isInstanceOf(OgnlPropertyCache.class);
        }
    }

    public static class Other {
        public boolean enabled() {
            return true;
        }
    }

    private Map<String, Object> evaluateAll() {
        Map<String, Object> values = new LinkedHashMap<>();
        EXPRESSIONS.forEach(e -> values.put(e, OgnlCache.getValue(e, root)));
        return values;
    }
}
