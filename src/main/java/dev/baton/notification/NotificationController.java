package dev.baton.notification;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.baton.ledger.LedgerClock;
import dev.baton.reliability.JsonMappingMessages;
import dev.baton.security.BatonUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification outbox (what was and will be sent) and each user's mail preferences. */
@RestController
@RequestMapping("/api")
@Tag(name = "Notifications", description = "E-mail notifications and preferences")
public class NotificationController {

    static final int MAX_ROWS = 200;
    private static final Set<String> STATUSES =
            Set.of(NotificationRecord.PENDING, NotificationRecord.SENT, NotificationRecord.NO_ADDRESS);

    private final NotificationOutbox outbox;
    private final NotificationFanOut fanOut;

    public NotificationController(NotificationOutbox outbox, NotificationFanOut fanOut) {
        this.outbox = outbox;
        this.fanOut = fanOut;
    }

    public record Preferences(String userId, Boolean informationalOptOut) {
    }

    @GetMapping("/notifications")
    @Operation(summary = "Notifications, newest first (at most 200): filter by recipient and status (pending, sent, no-address)")
    public List<NotificationRecord> notifications(@RequestParam(required = false) String recipient,
                                                  @RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status: must be one of no-address, pending, sent (was '" + status + "')");
        }
        fanOut.expand(); // everything Baton decided to send, also what the sender has not resolved yet
        return outbox.list(recipient, status, MAX_ROWS);
    }

    @GetMapping("/notification-preferences/{userId}")
    @Operation(summary = "A user's mail preferences")
    public Preferences preferences(@PathVariable String userId) {
        ownerOrAdmin(userId);
        return new Preferences(userId, outbox.optedOutOfInformational(userId));
    }

    @PutMapping("/notification-preferences/{userId}")
    @Operation(summary = "Opt in or out of informational mail (arrivals, launches, results); returns and SLA escalations always come")
    public Preferences setPreferences(@PathVariable String userId, @RequestBody Preferences preferences) {
        ownerOrAdmin(userId);
        if (preferences == null || preferences.informationalOptOut() == null) {
            throw new IllegalArgumentException("informationalOptOut: is required (true or false)");
        }
        outbox.setOptOut(userId, preferences.informationalOptOut(), LedgerClock.now());
        return new Preferences(userId, preferences.informationalOptOut());
    }

    /** The path rules allow this already (security.RestSecurityConfig); checked again where the data is. */
    private static void ownerOrAdmin(String userId) {
        BatonUser caller = BatonUser.current().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        if (!caller.isAdmin() && !caller.id().equals(userId)) {
            throw new AccessDeniedException("user '" + caller.id() + "' may read and change only their own notification preferences");
        }
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = e.getCause() instanceof JsonMappingException mapping ? JsonMappingMessages.describe(mapping)
                : "the request body is not valid JSON: send {\"informationalOptOut\": true} or false";
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
