package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Finding 2: path variants must not get past the access rules. Each protected resource is asked
 * for by a user it is closed to, through matrix parameters on every segment, percent-encoding of
 * every letter and of the separators, doubled slashes, dot segments, trailing slashes, backslashes
 * and other case: none answers 2xx, and the preferences of another user stay as they were.
 */
class PathVariantAttackTest extends AttackTestBase {

    record Target(String method, String path, String user, String body) {
    }

    static final List<Target> CLOSED = List.of(
            new Target("GET", "/api/notifications", "sara", null),
            new Target("GET", "/api/notification-preferences/max", "sara", null),
            new Target("PUT", "/api/notification-preferences/max", "sara", "{\"informationalOptOut\":true}"),
            new Target("GET", "/actuator/prometheus", "sara", null),
            new Target("GET", "/actuator/env", "sara", null),
            new Target("GET", "/api/metrics/hygiene", null, null),
            new Target("GET", "/engine-rest/task", null, null),
            new Target("POST", "/camunda/api/admin/setup/default/user/create", null,
                    "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder#2026x\"}}"));

    @Test
    void theRulesHoldForThePlainPaths() {
        for (Target target : CLOSED) {
            RawHttp.Response plain = send(target, target.path());
            assertThat(plain.status()).as(target + ": " + plain.body()).isIn(401, 403, 404);
        }
        assertThat(http().send("GET", "/api/notifications", as("admin"), null).status()).as("admins read the outbox").isEqualTo(200);
        assertThat(http().send("GET", "/api/notification-preferences/sara", as("sara"), null).status())
                .as("sara reads her own preferences").isEqualTo(200);
    }

    @Test
    void noVariantOfAClosedPathIsServed() {
        Map<String, List<String>> preferencesBefore = snapshot();
        List<String> tried = new ArrayList<>();
        for (Target target : CLOSED) {
            for (String variant : variants(target.path())) {
                RawHttp.Response response = send(target, variant);
                tried.add(target.method() + " " + variant + " -> " + response.status());
                assertThat(response.status()).as(target.method() + " " + variant + " as " + target.user() + " answered "
                        + response.status() + ": " + response.body()).isGreaterThanOrEqualTo(400);
                assertThat(response.body()).as(variant + ": no outbox, preferences or metrics in the answer")
                        .doesNotContain("@baton.example").doesNotContain("informationalOptOut\":")
                        .doesNotContain("baton_gates_open");
            }
        }
        assertThat(tried).hasSizeGreaterThan(300);
        assertThat(snapshot()).as("nobody's preferences, users or anything else changed").isEqualTo(preferencesBefore);
        assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    }

    /**
     * Requests under Camunda's API prefixes skip Spring MVC's handler look-up (Jersey serves them):
     * a closed path of Baton's API or the actuator dressed up with such a prefix is not served.
     */
    @Test
    void aCamundaApiPrefixDoesNotOpenAClosedPath() {
        List<String> tried = new ArrayList<>();
        for (Target target : CLOSED) {
            if (target.path().startsWith("/engine-rest") || target.path().startsWith("/camunda")) {
                continue;
            }
            String rest = target.path().substring(1);
            for (String disguised : List.of("/engine-rest/../" + rest, "/engine-rest/%2e%2e/" + rest,
                    "/engine-rest/..;/" + rest, "/engine-rest/x/..%2F..%2F" + rest, "/camunda/api/../../" + rest,
                    "/camunda/api/%2E%2E/%2E%2E/" + rest, "/engine-rest%2F..%2F" + rest)) {
                RawHttp.Response response = send(target, disguised);
                tried.add(disguised + " -> " + response.status());
                assertThat(response.status()).as(target.method() + " " + disguised + ": " + response.body())
                        .isGreaterThanOrEqualTo(400);
                assertThat(response.body()).as(disguised).doesNotContain("@baton.example")
                        .doesNotContain("informationalOptOut\":").doesNotContain("baton_gates_open");
            }
        }
        assertThat(tried).hasSizeGreaterThanOrEqualTo(35);
    }

    private RawHttp.Response send(Target target, String path) {
        Map<String, String> headers = target.user() == null ? new java.util.LinkedHashMap<>() : as(target.user());
        if (target.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        return http().send(target.method(), path, headers, target.body());
    }

    /** The same resource spelled many ways. */
    static Set<String> variants(String path) {
        Set<String> variants = new LinkedHashSet<>();
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            variants.add(replaceSegment(segments, i, segments[i] + ";x=1"));
            variants.add(replaceSegment(segments, i, segments[i] + ";"));
            variants.add(replaceSegment(segments, i, segments[i] + ";jsessionid=1"));
            variants.add(replaceSegment(segments, i, segments[i] + "%3Bx=1"));
            variants.add(replaceSegment(segments, i, encodeFirstLetter(segments[i], false)));
            variants.add(replaceSegment(segments, i, encodeFirstLetter(segments[i], true)));
            variants.add(replaceSegment(segments, i, encodeAll(segments[i])));
            variants.add(replaceSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
            variants.add(replaceSegment(segments, i, "./" + segments[i]));
            variants.add(replaceSegment(segments, i, "x/../" + segments[i]));
            variants.add(replaceSegment(segments, i, "%2e/" + segments[i]));
            variants.add(replaceSegment(segments, i, "x/%2e%2e/" + segments[i]));
            variants.add(replaceSegment(segments, i, "/" + segments[i]));
        }
        for (int i = 1; i < segments.length; i++) {
            variants.add(join(segments, i, "%2F"));
            variants.add(join(segments, i, "%2f"));
            variants.add(join(segments, i, "\\"));
            variants.add(join(segments, i, "%5C"));
            variants.add(join(segments, i, "//"));
        }
        variants.add(path + "/");
        variants.add(path + "/.");
        variants.add(path + "/x/..");
        variants.add(path + ";");
        variants.add(path + "%00");
        variants.add(path + "%20");
        variants.add(path + "?x=" + path);
        variants.add("/" + path);
        variants.add(path.toUpperCase(Locale.ROOT));
        variants.remove(path);
        return variants;
    }

    private static String replaceSegment(String[] segments, int index, String replacement) {
        String[] copy = segments.clone();
        copy[index] = replacement;
        return "/" + String.join("/", copy);
    }

    private static String join(String[] segments, int at, String separator) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            path.append(i == at ? separator : "/").append(segments[i]);
        }
        return path.toString();
    }

    private static String encodeFirstLetter(String segment, boolean upperHex) {
        for (int i = 0; i < segment.length(); i++) {
            if (Character.isLetter(segment.charAt(i))) {
                String hex = String.format(upperHex ? "%%%02X" : "%%%02x", (int) segment.charAt(i));
                return segment.substring(0, i) + hex + segment.substring(i + 1);
            }
        }
        return segment;
    }

    private static String encodeAll(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (char c : segment.toCharArray()) {
            encoded.append(String.format("%%%02X", (int) c));
        }
        return encoded.toString();
    }
}
