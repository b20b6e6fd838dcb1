package dev.custodyledger.scan.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aClientGetsItsBurstThenItsRate() {
        var limiter = new ClientRateLimiter(2, 3, 10);
        assertThat(limiter.tryAcquire("a", 0)).isTrue();
        assertThat(limiter.tryAcquire("a", 0)).isTrue();
        assertThat(limiter.tryAcquire("a", 0)).isTrue();
        assertThat(limiter.tryAcquire("a", 0)).as("burst spent").isFalse();
        assertThat(limiter.retryAfterSeconds("a")).isEqualTo(1);
        assertThat(limiter.tryAcquire("a", SECOND / 2))
                .as("one token after half a second at 2/s")
                .isTrue();
        assertThat(limiter.tryAcquire("a", SECOND / 2)).isFalse();
        assertThat(limiter.tryAcquire("b", SECOND / 2))
                .as("another client has its own bucket")
                .isTrue();
        assertThat(limiter.tryAcquire("a", 100 * SECOND))
                .as("refills up to the burst")
                .isTrue();
    }

    @Test
    void aFloodOfAddressesForgetsTheOldestInsteadOfGrowing() {
        var limiter = new ClientRateLimiter(1, 1, 2);
        assertThat(limiter.tryAcquire("a", 0)).isTrue();
        assertThat(limiter.tryAcquire("a", 0)).isFalse();
        limiter.tryAcquire("b", 0);
        limiter.tryAcquire("c", 0);
        assertThat(limiter.tryAcquire("a", 0))
                .as("a was forgotten, so it starts with a full bucket")
                .isTrue();
    }
}
