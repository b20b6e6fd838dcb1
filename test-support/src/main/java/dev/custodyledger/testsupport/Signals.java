package dev.custodyledger.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * POSIX signals to a process and its descendants, for fault tests: {@code STOP} freezes it as a long GC pause or
 * an overloaded host would (sockets stay open, nothing answers), {@code CONT} lets it go on, {@code KILL} is a crash.
 */
public final class Signals {
    private Signals() {}

    /** Sends {@code signal} (e.g. {@code STOP}) to the process and every descendant of it. */
    public static void send(ProcessHandle process, String signal) {
        var targets = new java.util.ArrayList<Long>();
        targets.add(process.pid());
        process.descendants().forEach(p -> targets.add(p.pid()));
        var command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        targets.forEach(pid -> command.add(String.valueOf(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " did not finish");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not send " + signal + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
