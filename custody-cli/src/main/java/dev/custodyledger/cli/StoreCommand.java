package dev.custodyledger.cli;

import dev.custodyledger.store.RocksStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "store",
        description = "Operators' tools for a service's fold state store (custody.projection.state-dir).",
        mixinStandardHelpOptions = true,
        subcommands = {StoreCommand.Check.class})
final class StoreCommand {

    @Command(
            name = "check",
            description = "Check a stopped replica's state store for corruption at rest: every block's checksum and"
                    + " every entry decoded. Exit 0 sound, 1 damaged (each problem printed), 2 not a store.",
            mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the store's folder")
        Path folder;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(folder.resolve("CURRENT"))) {
                System.err.println(folder + " holds no state store");
                return 2;
            }
            try (var store = RocksStateStore.open(folder, 64L << 20)) {
                var report = store.check();
                var position = report.position();
                System.out.printf(
                        Locale.ROOT,
                        "position   %s%n",
                        position == null
                                ? "none"
                                : "seq " + position.seq() + ", offset " + position.offset() + ", "
                                        + position.commitmentText());
                report.entries().forEach((kind, count) -> System.out.printf(Locale.ROOT, "%-10s %,d%n", kind, count));
                report.problems().forEach(p -> System.out.println("DAMAGED    " + p));
                System.out.println(report.sound() ? "sound" : report.problems().size() + " problem(s)");
                return report.sound() ? 0 : 1;
            }
        }
    }
}
