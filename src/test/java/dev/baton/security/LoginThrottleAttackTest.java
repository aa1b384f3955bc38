package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.web.TestUsers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Finding 4: nobody without an account can lock a user out. An attacker at another address
 * (127.0.0.2) guesses tom's password over and over, on the REST API, Baton's API and the webapp
 * login; the attacker is slowed down (429, Retry-After), while tom, from his own address, keeps
 * working with every call. Verified credentials are forgotten as soon as a password or a
 * membership changes.
 */
@TestPropertySource(properties = {"baton.security.login-throttle.free-attempts=3",
        "baton.security.login-throttle.base-delay=PT0.4S", "baton.security.login-throttle.max-delay=PT2S"})
class LoginThrottleAttackTest extends AttackTestBase {

    static final String TOM = "tom";

    @Test
    void guessingTomsPasswordSlowsTheGuesserAndNeverLocksTom() throws Exception {
        RawHttp attacker = new RawHttp(port, "127.0.0.2");
        RawHttp tom = http();
        List<Integer> attackerAnswers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String path = i % 2 == 0 ? "/engine-rest/task?maxResults=1" : "/api/metrics/hygiene";
            RawHttp.Response guess = attacker.send("GET", path, Map.of("Authorization", RawHttp.basic(TOM, "Guess#" + i)), null);
            attackerAnswers.add(guess.status());
            assertThat(guess.status()).as("guess " + i + ": " + guess.body()).isIn(401, 429);
            if (guess.status() == 429) {
                assertThat(Integer.parseInt(guess.header("Retry-After"))).isBetween(1, 2);
            }
            if (i % 3 == 0) {
                RawHttp.Response own = tom.send("GET", path, as(TOM), null);
                assertThat(own.status()).as("tom, while someone guesses his password: " + own.body()).isEqualTo(200);
            }
            Thread.sleep(20);
        }
        assertThat(attackerAnswers.subList(0, 3)).containsOnly(401);
        assertThat(attackerAnswers).as("the guesser is slowed down").contains(429);
        assertThat(webappLogin(tom, TOM, TestUsers.PASSWORD).status()).as("tom logs in to Tasklist").isEqualTo(200);
        assertThat(engine.getIdentityService().checkPassword(TOM, TestUsers.PASSWORD)).as("tom's account is not locked").isTrue();

        Thread.sleep(2_100);
        RawHttp.Response later = attacker.send("GET", "/api/metrics/hygiene", Map.of("Authorization", RawHttp.basic(TOM, "Again#1")), null);
        assertThat(later.status()).as("the throttle is a delay, not a ban").isEqualTo(401);
    }

    @Test
    void theWebappLoginIsThrottledPerAddressToo() throws Exception {
        RawHttp attacker = new RawHttp(port, "127.0.0.3");
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(webappLogin(attacker, "anna", "Guess#" + i).status());
            assertThat(webappLogin(http(), "anna", TestUsers.PASSWORD).status()).as("anna logs in meanwhile").isEqualTo(200);
        }
        assertThat(answers.subList(0, 3)).containsOnly(401);
        assertThat(answers).contains(429).doesNotContain(200);
        assertThat(engine.getIdentityService().checkPassword("anna", TestUsers.PASSWORD)).isTrue();
    }

    @Test
    void verifiedCredentialsAreForgottenWhenAPasswordOrMembershipChanges() {
        String user = "olivia";
        assertThat(http().send("GET", "/api/metrics/hygiene", as(user), null).status()).isEqualTo(200);
        assertThat(http().send("GET", "/api/metrics/hygiene", as(user), null).status()).as("from the cache").isEqualTo(200);

        RawHttp.Response change = http().send("PUT", "/engine-rest/user/" + user + "/credentials",
                with(as("admin"), "Content-Type", "application/json"),
                "{\"password\":\"Fresh#Password-2027\",\"authenticatedUserPassword\":\"" + TestUsers.ADMIN_PASSWORD + "\"}");
        assertThat(change.status()).as(change.body()).isEqualTo(204);
        assertThat(http().send("GET", "/api/metrics/hygiene", as(user), null).status())
                .as("the old password stops working at once").isEqualTo(401);
        Map<String, String> fresh = Map.of("Authorization", RawHttp.basic(user, "Fresh#Password-2027"));
        assertThat(http().send("GET", "/api/metrics/hygiene", fresh, null).status()).isEqualTo(200);

        engine.getIdentityService().deleteMembership(user, "optimization");
        try {
            assertThat(http().send("GET", "/api/metrics/hygiene", fresh, null).status())
                    .as("a removed membership counts at once").isEqualTo(403);
        } finally {
            engine.getIdentityService().createMembership(user, "optimization");
            var olivia = engine.getIdentityService().createUserQuery().userId(user).singleResult();
            olivia.setPassword(TestUsers.PASSWORD);
            engine.getIdentityService().saveUser(olivia);
        }
    }

    private RawHttp.Response webappLogin(RawHttp client, String user, String password) {
        RawHttp.Response page = client.send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
        String cookies = String.join("; ", page.headers("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        String token = page.headers("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.split(";", 2)[0].substring("XSRF-TOKEN=".length())).findFirst().orElseThrow();
        return client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("Cookie", cookies, "X-XSRF-TOKEN", token, "Content-Type", "application/x-www-form-urlencoded"),
                "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
}
