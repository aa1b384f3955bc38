package dev.baton.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.web.TestUsers;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security asks Spring MVC's HandlerMappingIntrospector, for every request, which MVC
 * handler would serve it and keeps the answer for the request. Camunda's APIs are served by
 * Jersey, not by Spring MVC: for them the question is skipped, for everything else it is asked
 * as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:jersey-paths;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext
class JerseyPathsIntrospectorTest {

    @Autowired
    @Qualifier("mvcHandlerMappingIntrospector")
    HandlerMappingIntrospector introspector;
    @Autowired
    TestRestTemplate anonymous;

    /** The names of the request attributes while the rest of the chain runs. */
    static List<String> attributesDuringChain(Filter filter, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        List<String> seen = new ArrayList<>();
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.addAll(Collections.list(req.getAttributeNames())));
        return seen;
    }

    static boolean cached(List<String> attributes) {
        return attributes.stream().anyMatch(name -> name.startsWith(HandlerMappingIntrospector.class.getName()));
    }

    @Test
    void camundasApisSkipTheHandlerLookUpAndSpringMvcPathsKeepIt() throws Exception {
        Filter cache = introspector.createCacheFilter();

        assertThat(cached(attributesDuringChain(cache, "/engine-rest/task"))).isFalse();
        assertThat(cached(attributesDuringChain(cache, "/camunda/api/engine/engine/default/task"))).isFalse();
        assertThat(cached(attributesDuringChain(cache, "/api/campaigns"))).as("Baton's own API is Spring MVC").isTrue();
        assertThat(cached(attributesDuringChain(cache, "/engine-restless"))).isTrue();
        assertThat(cached(attributesDuringChain(cache, "/actuator/health"))).isTrue();
    }

    @Test
    void bothKindsOfPathAreStillAuthenticatedAndServed() {
        assertThat(anonymous.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(TestUsers.as(anonymous, "sara").getForEntity("/engine-rest/task?maxResults=5", String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(anonymous.getForEntity("/api/campaigns", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(TestUsers.as(anonymous, "sara").getForEntity("/api/metrics/gates", String.class).getStatusCode().value())
                .isEqualTo(200);
    }
}
