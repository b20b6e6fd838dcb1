package dev.custodyledger.scan.limit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client: {@code perSecond} verifies a second on average, bursts up to {@code burst}. The
 * clock is passed in, so the arithmetic is testable. At most {@code clients} buckets are kept (the least
 * recently seen go first), so a flood of addresses cannot grow memory.
 */
public final class ClientRateLimiter {
    private final double perNano;
    private final double burst;
    private final Map<String, double[]> buckets;

    public ClientRateLimiter(double perSecond, double burst, int clients) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > clients;
            }
        };
    }

    /** Takes one token for {@code client} at {@code nanos}; false when its bucket is empty. */
    public synchronized boolean tryAcquire(String client, long nanos) {
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {burst, nanos});
        double tokens = Math.min(burst, bucket[0] + (nanos - (long) bucket[1]) * perNano);
        bucket[1] = nanos;
        if (tokens < 1) {
            bucket[0] = tokens;
            return false;
        }
        bucket[0] = tokens - 1;
        return true;
    }

    /** Seconds until {@code client} has a token again, rounded up, at least 1. */
    public synchronized long retryAfterSeconds(String client) {
        double[] bucket = buckets.get(client);
        double missing = bucket == null ? 0 : 1 - bucket[0];
        return Math.max(1, (long) Math.ceil(missing / (perNano * 1e9)));
    }
}
