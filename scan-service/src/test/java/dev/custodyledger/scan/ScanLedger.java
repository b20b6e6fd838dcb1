package dev.custodyledger.scan;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.Disposition;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.Sscc;
import dev.custodyledger.core.gs1.Yymmdd;
import dev.custodyledger.core.label.LabelSignature;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.LedgerTopic;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One small supply chain, appended as signed records straight to the ledger topic: a brand with a label key,
 * a carrier, a shop; an item on the shelf, one sold, one of a recalled lot, one reported stolen, a case they
 * travelled in, a code never commissioned, and the units the scan tests scan.
 */
final class ScanLedger {
    static final TestLedger LEDGER = TestLedger.startingNow();
    static final String BRAND = "alpen";
    static final String CARRIER = "swiftlog";
    static final String SHOP = "cityshop";
    static final String PREFIX = "9506000";
    static final Gtin GTIN = gtin(PREFIX, 1);
    static final Ed25519PrivateKey LABEL_KEY = TestLedger.key("alpen-label");
    static final ItemCode ON_SHELF = item(GTIN, "SHELF1");
    static final ItemCode SOLD = item(GTIN, "SOLD1");
    static final ItemCode RECALLED = item(GTIN, "RECALL1");
    static final ItemCode STOLEN = item(GTIN, "STOLEN1");
    static final ItemCode NEVER_MADE = item(GTIN, "FAKE1");
    /** Units the scan tests scan: one to be copied, one a shopper checks again and again, one sold and re-sold. */
    static final ItemCode CLONED = item(GTIN, "CLONE1");

    static final ItemCode REPEATED = item(GTIN, "REPEAT1");
    static final ItemCode RESOLD = item(GTIN, "RESOLD1");
    static final ContainerCode CASE = new ContainerCode(Sscc.of(sscc()));
    static final Yymmdd EXPIRY = Yymmdd.of(LocalDate.of(2028, 6, 30));
    private static boolean built;

    private ScanLedger() {}

    /** Appends the ledger once per test JVM and waits until scan-service has folded and projected it. */
    static synchronized void ensureFolded() {
        if (!built) {
            List<SignedEvent> log = new ArrayList<>();
            log.addAll(LEDGER.onboard(BRAND, Role.PRODUCER, PREFIX));
            log.add(LEDGER.addKey(BRAND, LABEL_KEY, KeyPurpose.LABEL));
            log.addAll(LEDGER.onboard(CARRIER, Role.LOGISTICS));
            log.addAll(LEDGER.onboard(SHOP, Role.RETAILER));
            log.add(LEDGER.commission(BRAND, "L1", ON_SHELF, SOLD, STOLEN, CLONED, REPEATED, RESOLD));
            log.add(LEDGER.commission(BRAND, "L2", RECALLED));
            log.add(LEDGER.pack(BRAND, CASE, ON_SHELF, SOLD, RESOLD));
            log.add(LEDGER.handoff(BRAND, CARRIER, CASE));
            log.add(LEDGER.receive(CARRIER, CASE));
            log.add(LEDGER.handoff(CARRIER, SHOP, CASE));
            log.add(LEDGER.receive(SHOP, CASE));
            log.add(LEDGER.unpack(SHOP, CASE));
            log.add(LEDGER.sell(SHOP, SOLD, RESOLD));
            log.add(LEDGER.recallLot(BRAND, GTIN, "L2"));
            log.add(LEDGER.report(BRAND, Disposition.STOLEN, STOLEN));
            log.add(LEDGER.sell(SHOP, NEVER_MADE)); // rejected by the fold: never commissioned
            LedgerTopic.append(log);
            built = true;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath head = given().get("/v1/ledger/head").jsonPath();
            return head.getLong("seq") >= 19 && head.getLong("projectedSeq") == head.getLong("seq");
        });
    }

    static String label(ItemCode unit, String lot, Ed25519PrivateKey key) {
        String s = LabelSignature.sign(key, unit, Lot.of(lot), EXPIRY);
        return "/01/" + unit.gtin().value() + "/10/" + lot + "/21/"
                + unit.serial().value() + "?17=" + EXPIRY.value() + "&s=" + s;
    }

    private static String sscc() {
        String body = "0" + PREFIX + "000000042";
        return body + dev.custodyledger.core.gs1.CheckDigit.compute(body);
    }
}
