package dev.baton.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Camunda's REST resources find the process engine through ServiceLoader on every request; while
 * a REST request runs, the provider file is read from a copy instead of from every jar.
 */
class EngineProviderLookupTest {

    static final String PROVIDER_FILE = "META-INF/services/" + ProcessEngineProvider.class.getName();

    /** The class path's loader, counting how often it is searched for a resource by name. */
    static class CountingLoader extends ClassLoader {
        final List<String> searched = Collections.synchronizedList(new ArrayList<>());

        CountingLoader() {
            super(EngineProviderLookupTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            searched.add(name);
            return super.getResources(name);
        }

        long searchesFor(String name) {
            return searched.stream().filter(name::equals).count();
        }
    }

    static List<String> providers(ClassLoader loader) {
        return ServiceLoader.load(ProcessEngineProvider.class, loader).stream().map(p -> p.type().getName()).toList();
    }

    @Test
    void theCopyNamesTheSameProvidersInTheSameOrderAndTheClassPathIsSearchedOnce() {
        CountingLoader classPath = new CountingLoader();
        List<String> expected = providers(classPath);
        assertThat(expected).as("Camunda's REST starter and webapps each bring a provider").hasSizeGreaterThanOrEqualTo(2);

        ServiceFileCopies copies = new ServiceFileCopies(classPath, List.of(PROVIDER_FILE));
        for (int i = 0; i < 5; i++) {
            assertThat(providers(copies)).isEqualTo(expected);
        }
        assertThat(classPath.searchesFor(PROVIDER_FILE)).as("once for the expectation, once for the copy").isEqualTo(2);
    }

    @Test
    void requestsAtTheSameTimeGetTheSameProvidersFromOneCopy() throws Exception {
        CountingLoader classPath = new CountingLoader();
        List<String> expected = providers(classPath);
        ServiceFileCopies copies = new ServiceFileCopies(classPath, List.of(PROVIDER_FILE));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return providers(copies);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(classPath.searchesFor(PROVIDER_FILE)).as("once for the expectation, once for the copy").isEqualTo(2);
    }

    @Test
    void everyOtherResourceAndClassComesFromTheClassPathAsBefore() throws Exception {
        CountingLoader classPath = new CountingLoader();
        ServiceFileCopies copies = new ServiceFileCopies(classPath, List.of(PROVIDER_FILE));
        String other = "META-INF/services/org.camunda.bpm.engine.rest.spi.FetchAndLockHandler";

        assertThat(Collections.list(copies.getResources(other))).isEqualTo(Collections.list(classPath.getResources(other)));
        Collections.list(copies.getResources(other));
        assertThat(classPath.searchesFor(other)).as("not copied: searched every time").isEqualTo(3);
        assertThat(copies.getResource("CampaignLifecycle.bpmn")).isEqualTo(classPath.getResource("CampaignLifecycle.bpmn"));
        assertThat(copies.loadClass(ProcessEngineProvider.class.getName())).isSameAs(ProcessEngineProvider.class);
        assertThat(copies.isRegisteredAsParallelCapable()).as("request threads load classes without one lock")
                .isTrue();
    }

    @Test
    void aRestRequestRunsWithTheCopyAndGivesTheThreadItsLoaderBack() throws Exception {
        EngineProviderLookup lookup = new EngineProviderLookup();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        AtomicInteger seenCopies = new AtomicInteger();
        List<ClassLoader> during = new ArrayList<>();

        for (int i = 0; i < 2; i++) {
            lookup.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), new MockHttpServletResponse(),
                    (request, response) -> {
                        ClassLoader loader = Thread.currentThread().getContextClassLoader();
                        during.add(loader);
                        if (loader instanceof ServiceFileCopies && providers(loader).equals(providers(before))) {
                            seenCopies.incrementAndGet();
                        }
                    });
        }

        assertThat(seenCopies).hasValue(2);
        assertThat(during.get(1)).as("one copy for the thread's loader, kept").isSameAs(during.get(0));
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void aFailingRequestGivesTheThreadItsLoaderBackToo() {
        EngineProviderLookup lookup = new EngineProviderLookup();
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThatThrownBy(() -> lookup.doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"),
                new MockHttpServletResponse(), (request, response) -> {
                    throw new ServletException("refused");
                })).hasMessage("refused");

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
