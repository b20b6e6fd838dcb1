package dev.custodyledger.label.commission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.fold.Blocking;
import dev.custodyledger.label.config.LabelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Delivers one signed event to ledger-service and learns its outcome, retrying with exponential back-off while
 * the ledger is unreachable, answers 5xx, or has appended the event without folding it yet. Resubmitting is
 * safe: the ledger answers an event it already holds with its recorded outcome and appends nothing.
 */
@ApplicationScoped
public class LedgerSubmitter {
    private static final Logger LOG = Logger.getLogger(LedgerSubmitter.class);

    private final LedgerIntake intake;
    private final LabelConfig.Commission settings;

    LedgerSubmitter(@RestClient LedgerIntake intake, LabelConfig config) {
        this.intake = intake;
        this.settings = config.commission();
    }

    /** Blocks until the ledger's answer, or until the attempts are spent. */
    Delivery deliver(SignedEvent event) {
        byte[] envelope = event.envelopeBytes();
        String id = event.id().toString();
        long backoff = settings.backoff().toMillis();
        String last = "no attempt made";
        for (int attempt = 1;
                attempt <= settings.attempts() && !Thread.currentThread().isInterrupted();
                attempt++) {
            Delivery delivery;
            try {
                delivery = answer(call(() -> intake.submit(envelope)), id);
            } catch (ProcessingException e) {
                delivery = Delivery.undelivered("ledger-service unreachable: " + rootMessage(e));
            }
            if (delivery.kind() != Delivery.Kind.UNDELIVERED) {
                return delivery;
            }
            last = delivery.detail();
            LOG.warnf(
                    "event %s, attempt %d of %d: %s; retrying in %d ms",
                    id, attempt, settings.attempts(), last, backoff);
            Blocking.pause(backoff);
            backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
        }
        return Delivery.undelivered(last + " (after " + settings.attempts() + " attempts)");
    }

    private Delivery answer(Response response, String id) {
        int status = response.getStatus();
        if (status == 201 || status == 200) {
            return Delivery.accepted(body(response).path("seq").asLong());
        }
        if (status == 202) {
            return await(id);
        }
        if (status >= 400 && status < 500 && status != 429) {
            JsonNode problem = body(response);
            return Delivery.refused(
                    problem.path("code").asText("HTTP_" + status),
                    problem.path("detail").asText(""));
        }
        return Delivery.undelivered("ledger-service answered " + status + " "
                + body(response).path("code").asText(""));
    }

    /** Follows an appended event until the ledger's fold has reached it. */
    private Delivery await(String id) {
        long deadline = System.nanoTime() + settings.outcomeWait().toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            Response response;
            try {
                response = call(() -> intake.status(id));
            } catch (ProcessingException e) {
                return Delivery.undelivered("ledger-service unreachable: " + rootMessage(e));
            }
            if (response.getStatus() == 200) {
                JsonNode status = body(response);
                switch (status.path("status").asText()) {
                    case "ACCEPTED":
                        return Delivery.accepted(status.path("seq").asLong());
                    case "REJECTED":
                        return Delivery.refused(
                                status.path("code").asText(),
                                status.path("message").asText(""));
                    default:
                        break;
                }
            }
            Blocking.pause(250);
        }
        return Delivery.undelivered("the ledger appended event " + id + " but had not folded it within "
                + settings.outcomeWait().toSeconds() + " s");
    }

    private static Response call(java.util.function.Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    private static JsonNode body(Response response) {
        try {
            response.bufferEntity();
            byte[] bytes = response.readEntity(byte[].class);
            return bytes == null || bytes.length == 0
                    ? StrictJson.mapper().createObjectNode()
                    : StrictJson.parse(bytes);
        } catch (RuntimeException e) {
            return StrictJson.mapper().createObjectNode();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
