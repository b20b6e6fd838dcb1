package dev.custodyledger.fold;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** For the services' own threads (folding, writing, detecting): reactive work awaited, polling threads stopped. */
public final class Blocking {
    private Blocking() {}

    /** Runs reactive work on a Vert.x context from a plain thread and waits for it; failures come back unchecked. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Wakes {@code consumer} out of its poll and waits up to 10 s for the thread polling it to end. */
    public static void stopPolling(KafkaConsumer<?, ?> consumer, Thread thread) {
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Backs off after a failure; an interrupt ends the wait and stays set. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
