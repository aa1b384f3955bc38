package dev.baton.notification;

import dev.baton.BatonProperties;
import dev.baton.ledger.LedgerClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox, outside any gate's transaction: first resolves new events to one row per person
 * ({@link NotificationFanOut}), then sends. A mail server that is down delays mail and
 * never blocks or rolls back a gate. Each row is claimed first (one node wins), sent, then
 * marked sent; a failure is retried with doubling backoff, without limit. Without a configured
 * mail server (spring.mail.host) nothing is sent and the outbox keeps everything.
 */
@Component
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final NotificationOutbox outbox;
    private final NotificationFanOut fanOut;
    private final ObjectProvider<JavaMailSender> mail;
    private final BatonProperties.Notifications settings;
    private final String node;

    @Autowired
    public OutboxSender(NotificationOutbox outbox, NotificationFanOut fanOut, ObjectProvider<JavaMailSender> mail,
                        BatonProperties properties) {
        this(outbox, fanOut, mail, properties, "node-" + UUID.randomUUID());
    }

    /** With a fixed node name: tests run two "nodes" in one JVM. */
    OutboxSender(NotificationOutbox outbox, NotificationFanOut fanOut, ObjectProvider<JavaMailSender> mail,
                 BatonProperties properties, String node) {
        this.outbox = outbox;
        this.fanOut = fanOut;
        this.mail = mail;
        this.settings = properties.notifications();
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${baton.notifications.poll-interval:PT10S}",
            initialDelayString = "${baton.notifications.poll-interval:PT10S}")
    public void sendDue() {
        // resolved to people also without a mail server: the outbox API lists them
        fanOut.expand();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null) {
            send(sender);
        }
    }

    /** Resolves new events to people and sends what is due now; returns how many were sent by this node. */
    public int send(JavaMailSender sender) {
        fanOut.expand();
        int sent = 0;
        OffsetDateTime now = LedgerClock.now();
        for (NotificationRecord n : outbox.due(now, settings.batchSize())) {
            if (!outbox.claim(n.id(), node, now, now.plus(settings.claimLease()))) {
                continue;
            }
            try {
                sender.send(message(sender, n));
                outbox.markSent(n.id(), node, LedgerClock.now());
                sent++;
            } catch (MailException | jakarta.mail.MessagingException e) {
                OffsetDateTime retry = LedgerClock.now().plus(backoff(n.attempts()));
                LOG.warn("Notification {} to {} not sent (attempt {}), retry at {}: {}", n.id(), n.email(),
                        n.attempts() + 1, retry, e.getMessage());
                outbox.markFailed(n.id(), node, e.getMessage(), retry);
            }
        }
        return sent;
    }

    Duration backoff(int failedAttempts) {
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(failedAttempts, 20));
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private MimeMessage message(JavaMailSender sender, NotificationRecord n) throws jakarta.mail.MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(n.email());
        helper.setSubject(n.subject());
        helper.setText(n.body(), false);
        // a stable id lets mail systems drop a duplicate if a node dies between sending and marking
        message.saveChanges();
        message.setHeader("Message-ID", "<baton-notification-" + n.id() + "@baton>");
        return message;
    }
}
