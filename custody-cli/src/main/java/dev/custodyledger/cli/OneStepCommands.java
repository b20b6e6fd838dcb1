package dev.custodyledger.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One step per custody event: build it from options, sign it and submit it (or show it, --dry-run). Units are
 * Digital Link paths, e.g. 01/09506000134352/21/7Q2K9X4MZ3 or 00/395060000000000017 for a container.
 */
final class OneStepCommands {
    private OneStepCommands() {}

    abstract static class OneStep implements Callable<Integer> {
        @Mixin
        Signer signer;

        @Mixin
        LedgerTarget target;

        abstract String type();

        abstract void fields(ObjectNode event);

        @Override
        public final Integer call() throws IOException, InterruptedException {
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("type", type());
            fields(event);
            return target.submit(signer.sign(event));
        }

        static void units(ObjectNode event, List<String> units) {
            var array = event.putArray("units");
            units.forEach(array::add);
        }
    }

    @Command(
            name = "commission",
            mixinStandardHelpOptions = true,
            description = "Bring units into existence (a producer, for GTINs under its prefixes).")
    static final class Commission extends OneStep {
        @Parameters(arity = "1..*", paramLabel = "UNIT")
        List<String> units;

        @Option(names = "--lot", required = true)
        String lot;

        @Option(names = "--expiry", required = true, description = "YYYY-MM-DD")
        String expiry;

        @Option(names = "--product-name", required = true)
        String name;

        @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "more product data, e.g. brand=ACME")
        Map<String, String> attributes = Map.of();

        @Override
        String type() {
            return "COMMISSION";
        }

        @Override
        void fields(ObjectNode event) {
            units(event, units);
            event.put("lot", lot);
            event.put("expiry", expiry);
            ObjectNode product = event.putObject("product");
            product.put("name", name);
            attributes.forEach(product::put);
        }
    }

    @Command(
            name = "pack",
            mixinStandardHelpOptions = true,
            description = "Pack units (or containers) into a container.")
    static final class Pack extends OneStep {
        @Option(names = "--container", required = true, description = "the SSCC path, 00/…")
        String container;

        @Parameters(arity = "1..*", paramLabel = "UNIT")
        List<String> units;

        @Override
        String type() {
            return "PACK";
        }

        @Override
        void fields(ObjectNode event) {
            event.put("container", container);
            units(event, units);
        }
    }

    @Command(
            name = "unpack",
            mixinStandardHelpOptions = true,
            description = "Take units out of a container (all when none is named).")
    static final class Unpack extends OneStep {
        @Option(names = "--container", required = true)
        String container;

        @Parameters(arity = "0..*", paramLabel = "UNIT")
        List<String> units = List.of();

        @Override
        String type() {
            return "UNPACK";
        }

        @Override
        void fields(ObjectNode event) {
            event.put("container", container);
            if (!units.isEmpty()) {
                units(event, units);
            }
        }
    }

    @Command(
            name = "handoff",
            mixinStandardHelpOptions = true,
            description = "Hand units over to another party (it must receive them).")
    static final class Handoff extends OneStep {
        @Option(names = "--to", required = true, description = "the receiving party's id")
        String to;

        @Parameters(arity = "1..*", paramLabel = "UNIT")
        List<String> units;

        @Override
        String type() {
            return "HANDOFF";
        }

        @Override
        void fields(ObjectNode event) {
            units(event, units);
            event.put("to", to);
        }
    }

    @Command(name = "receive", mixinStandardHelpOptions = true, description = "Take custody of units handed to you.")
    static final class Receive extends OneStep {
        @Parameters(arity = "1..*", paramLabel = "UNIT")
        List<String> units;

        @Override
        String type() {
            return "RECEIVE";
        }

        @Override
        void fields(ObjectNode event) {
            units(event, units);
        }
    }

    @Command(
            name = "refuse",
            mixinStandardHelpOptions = true,
            description = "Refuse units handed to you; they stay with the sender.")
    static final class Refuse extends OneStep {
        @Option(names = "--reason", required = true)
        String reason;

        @Parameters(arity = "1..*", paramLabel = "UNIT")
        List<String> units;

        @Override
        String type() {
            return "REFUSE";
        }

        @Override
        void fields(ObjectNode event) {
            units(event, units);
            event.put("reason", reason);
        }
    }

    @Command(
            name = "sell",
            mixinStandardHelpOptions = true,
            description = "Sell items to consumers (a retailer holding them).")
    static final class Sell extends OneStep {
        @Parameters(arity = "1..*", paramLabel = "ITEM")
        List<String> units;

        @Override
        String type() {
            return "SELL";
        }

        @Override
        void fields(ObjectNode event) {
            units(event, units);
        }
    }

    @Command(
            name = "recall",
            mixinStandardHelpOptions = true,
            description = "Recall a lot (--gtin and --lot) or named items (the brand owner).")
    static final class Recall extends OneStep {
        @Option(names = "--gtin")
        String gtin;

        @Option(names = "--lot")
        String lot;

        @Option(names = "--reason", required = true)
        String reason;

        @Parameters(arity = "0..*", paramLabel = "ITEM")
        List<String> units = List.of();

        @Override
        String type() {
            return "RECALL";
        }

        @Override
        void fields(ObjectNode event) {
            if (gtin != null) {
                event.put("gtin", gtin);
            }
            if (lot != null) {
                event.put("lot", lot);
            }
            if (!units.isEmpty()) {
                units(event, units);
            }
            event.put("reason", reason);
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Report units stolen, destroyed or expired.")
    static final class Report extends OneStep {
        @Option(names = "--disposition", required = true, description = "stolen, destroyed or expired")
        String disposition;

        @Option(names = "--reason")
        String reason;

        @Parameters(arity = "1..*", paramLabel = "UNIT")
        List<String> units;

        @Override
        String type() {
            return "REPORT";
        }

        @Override
        void fields(ObjectNode event) {
            units(event, units);
            event.put("disposition", disposition);
            if (reason != null) {
                event.put("reason", reason);
            }
        }
    }
}
