package dev.custodyledger.system;

import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients submitting signed events one at a time to ledger-service, several at once, keeping what each
 * submission was answered: a status code, or the error the client saw (refused connection, reset, timeout).
 */
final class Ingest implements AutoCloseable {
    /** What one submission got back: an HTTP status, or 0 and the client's error. */
    record Answer(int status, String error) {
        boolean acknowledged() {
            return status == 201 || status == 202;
        }
    }

    final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();

    private Ingest(int clients) {
        this.clients = Executors.newFixedThreadPool(clients);
    }

    /** Starts {@code clients} threads that share {@code events} between them, in order, each sent once. */
    static Ingest start(CustodySystem system, ServiceProcess service, List<SignedEvent> events, int clients) {
        return start(system, service, events, clients, Duration.ZERO);
    }

    /**
     * As a careful client does: an event answered with an error or a 5xx is sent again after a pause, for up to
     * {@code retryFor}; the last answer is kept and every failed attempt counted.
     */
    static Ingest start(
            CustodySystem system, ServiceProcess service, List<SignedEvent> events, int clients, Duration retryFor) {
        var ingest = new Ingest(clients);
        var next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            ingest.running.add(ingest.clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                    SignedEvent event = events.get(i);
                    long deadline = System.nanoTime() + retryFor.toNanos();
                    Answer answer = ingest.submit(system, service, event);
                    while ((answer.status() == 0 || answer.status() >= 500) && System.nanoTime() < deadline) {
                        ingest.failedAttempts.incrementAndGet();
                        Thread.sleep(200);
                        answer = ingest.submit(system, service, event);
                    }
                    ingest.answers.put(event.id().toString(), answer);
                    ingest.submitted.incrementAndGet();
                }
                return null;
            }));
        }
        return ingest;
    }

    /** How many submissions got each answer: {@code 201=750, 202=40, error=10}. */
    java.util.Map<String, Long> tally() {
        return new java.util.TreeMap<>(answers.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        a -> a.status() == 0 ? "error" : String.valueOf(a.status()),
                        java.util.stream.Collectors.counting())));
    }

    private Answer submit(CustodySystem system, ServiceProcess service, SignedEvent event) {
        inFlight.incrementAndGet();
        try {
            return new Answer(
                    system.post(service, "/v1/events", event.envelopeBytes()).statusCode(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        } catch (Exception e) {
            return new Answer(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Submissions sent and not answered yet. */
    int inFlight() {
        return inFlight.get();
    }

    /** Attempts that got an error or a 5xx and were sent again. */
    int failedAttempts() {
        return failedAttempts.get();
    }

    int submitted() {
        return submitted.get();
    }

    /** Waits until every client has had an answer for every event it sent. */
    void finish() throws Exception {
        for (Future<?> f : running) {
            f.get();
        }
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
