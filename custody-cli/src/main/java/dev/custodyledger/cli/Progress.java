package dev.custodyledger.cli;

import java.io.PrintStream;
import java.util.Locale;

/** Progress of long work on stderr: a bar redrawn in place on a terminal, a plain line every 10 % otherwise. */
final class Progress {
    private final PrintStream err = System.err;
    private final boolean terminal = System.console() != null;
    private final String what;
    private long total;
    private int lastStep = -1;

    Progress(String what) {
        this.what = what;
    }

    void total(long total) {
        this.total = total;
    }

    void at(long done) {
        if (total <= 0) {
            return;
        }
        int percent = (int) (100 * done / total);
        if (terminal) {
            if (percent != lastStep) {
                int filled = percent / 5;
                err.printf(
                        Locale.ROOT,
                        "\r%s [%s%s] %3d %% (%,d of %,d)",
                        what,
                        "#".repeat(filled),
                        ".".repeat(20 - filled),
                        percent,
                        done,
                        total);
                lastStep = percent;
            }
        } else if (percent / 10 != lastStep) {
            err.printf(Locale.ROOT, "%s: %,d of %,d (%d %%)%n", what, done, total, percent);
            lastStep = percent / 10;
        }
    }

    void done() {
        if (terminal && lastStep >= 0) {
            err.println();
        }
    }
}
