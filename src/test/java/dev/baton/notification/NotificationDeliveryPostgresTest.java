package dev.baton.notification;

import dev.baton.TestPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The notification tests on PostgreSQL: the outbox claim must hold under its row locking too. */
@ActiveProfiles("postgres")
@DirtiesContext
class NotificationDeliveryPostgresTest extends NotificationDeliveryTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
