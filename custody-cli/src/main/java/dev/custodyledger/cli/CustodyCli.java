package dev.custodyledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody}: the partner tool. Exit codes: 0 done, 1 the ledger refused or rejected the event, 2 bad
 * usage or input, 3 the ledger could not be reached.
 */
@Command(
        name = "custody",
        mixinStandardHelpOptions = true,
        version = "custody 0.1.0",
        description = "Keys, signed custody events, the operator's bootstrap, verification and the auditor's replay.",
        subcommands = {
            KeysCommand.class,
            OperatorCommand.class,
            EventCommand.class,
            VerifyCommand.class,
            LabelCommand.class,
            LedgerCommand.class,
            StoreCommand.class,
            LogCommand.class,
            WitnessCommand.class,
            OneStepCommands.Commission.class,
            OneStepCommands.Pack.class,
            OneStepCommands.Unpack.class,
            OneStepCommands.Handoff.class,
            OneStepCommands.Receive.class,
            OneStepCommands.Refuse.class,
            OneStepCommands.Sell.class,
            OneStepCommands.Recall.class,
            OneStepCommands.Report.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the ledger refused or rejected the event; verify: a verdict other than GENUINE or SOLD;"
                    + " label verify-offline: not VALID; ledger compare: the digests differ",
            "2:bad usage or input",
            "3:the ledger (or Kafka, or scan-service) could not be reached"
        })
public final class CustodyCli {
    public static final int REJECTED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    @Option(names = "--verbose", description = "print stack traces of failures", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        var cli = new CommandLine(new CustodyCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose");
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().println("custody: " + oneLine(e));
            return e instanceof java.io.IOException ? UNREACHABLE : USAGE;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
