package dev.custodyledger.fold;

import dev.custodyledger.core.event.SignedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ledger's partition in memory: what the broker holds, read from a position, at most a few records a poll. */
final class FakeLedgerLog implements LogReader {
    private final List<Entry> entries = new ArrayList<>();
    private final int perPoll;
    private long position;

    FakeLedgerLog(int perPoll) {
        this.perPoll = perPoll;
    }

    synchronized void append(SignedEvent event, Instant recordTime) {
        entries.add(new Entry(entries.size(), recordTime, event.envelopeBytes()));
    }

    @Override
    public synchronized void seek(long offset) {
        position = offset;
    }

    @Override
    public synchronized List<Entry> poll(Duration wait) {
        int from = (int) position;
        int to = Math.min(entries.size(), from + perPoll);
        position = to;
        return List.copyOf(entries.subList(from, to));
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized long end() {
        return entries.size();
    }

    @Override
    public long endNow() {
        return end();
    }

    @Override
    public void wakeup() {}

    @Override
    public void close() {}
}
