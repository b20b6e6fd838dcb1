package dev.custodyledger.core.scan;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.fold.UnitStatus;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.core.verdict.ScanContext;
import dev.custodyledger.core.verdict.UnitFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScanDetectorTest {
    static final ItemCode TIN = item(gtin("9506000", 1), "T1");
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    static final Location LYON = new Location("Lyon", "FR");
    static final UnitFacts ON_SHELF = facts(UnitStatus.ACTIVE);
    static final CloneRules RULES = new CloneRules(Duration.ofDays(30), 3, 2);

    static UnitFacts facts(UnitStatus status) {
        return new UnitFacts(false, status, false, false, Lot.of("L1"), LocalDate.of(2028, 6, 30), false);
    }

    static Scan consumer(int minutes, String device, String city) {
        return new Scan(
                TIN, T0.plus(Duration.ofMinutes(minutes)), ScanContext.CONSUMER, device, new Location(city, "FR"));
    }

    @Test
    void aFewShoppersCheckingOneItemRaiseNothing() {
        var earlier = List.of(consumer(0, "phone-a", "Lyon"), consumer(5, "phone-b", "Lyon"));
        assertThat(ScanDetector.detect(consumer(9, "phone-c", "Lyon"), earlier, ON_SHELF, LYON, RULES))
                .isEmpty();
    }

    @Test
    void moreDevicesThanTheThresholdWithinTheWindowLooksCloned() {
        var earlier =
                List.of(consumer(0, "phone-a", "Lyon"), consumer(1, "phone-b", "Lyon"), consumer(2, "phone-c", "Lyon"));
        assertThat(ScanDetector.detect(consumer(3, "phone-d", "Lyon"), earlier, ON_SHELF, LYON, RULES))
                .containsExactly(Reason.SCANNED_ON_TOO_MANY_DEVICES);
    }

    @Test
    void scansOutsideTheWindowAreForgotten() {
        var earlier =
                List.of(consumer(0, "phone-a", "Lyon"), consumer(1, "phone-b", "Lyon"), consumer(2, "phone-c", "Lyon"));
        int later = (int) Duration.ofDays(31).toMinutes();
        assertThat(ScanDetector.detect(consumer(later, "phone-d", "Lyon"), earlier, ON_SHELF, LYON, RULES))
                .isEmpty();
    }

    @Test
    void distinctPlacesByDistinctDevicesLookCloned() {
        var earlier = List.of(consumer(0, "phone-a", "Lyon"), consumer(60, "phone-b", "Paris"));
        assertThat(ScanDetector.detect(consumer(120, "phone-c", "Lille"), earlier, ON_SHELF, LYON, RULES))
                .containsExactly(Reason.SCANNED_IN_TOO_MANY_PLACES);
    }

    @Property(tries = 200)
    void repeatScansByOneDeviceNeverEscalate(@ForAll @IntRange(min = 1, max = 50) int repeats) {
        List<Scan> earlier = new ArrayList<>();
        String[] cities = {"Lyon", "Paris", "Lille", "Nice", "Brest"};
        for (int i = 0; i < repeats; i++) {
            Scan scan = consumer(i, "phone-a", cities[i % cities.length]);
            assertThat(ScanDetector.detect(scan, earlier, ON_SHELF, LYON, RULES))
                    .isEmpty();
            earlier.add(scan);
        }
    }

    @Test
    void aTillScanOfASoldItemIsSuspectAndAScanAbroadIsRecorded() {
        var till = new Scan(TIN, T0, ScanContext.TILL, "till-7", LYON);
        assertThat(ScanDetector.detect(till, List.of(), facts(UnitStatus.SOLD), LYON, RULES))
                .containsExactly(Reason.SOLD_ITEM_AT_TILL);
        assertThat(ScanDetector.detect(till, List.of(), ON_SHELF, LYON, RULES)).isEmpty();

        var abroad = new Scan(TIN, T0, ScanContext.INSPECTION, "insp-1", new Location("Porto", "PT"));
        assertThat(ScanDetector.detect(abroad, List.of(), ON_SHELF, LYON, RULES))
                .containsExactly(Reason.SCANNED_FAR_FROM_CUSTODY);
        assertThat(ScanDetector.detect(abroad, List.of(), facts(UnitStatus.SOLD), LYON, RULES))
                .as("a sold item may travel anywhere")
                .isEmpty();
    }

    @Test
    void aCodeNeverCommissionedGetsNothingMoreThanUnknown() {
        assertThat(ScanDetector.detect(consumer(0, "phone-a", "Lyon"), List.of(), null, null, RULES))
                .isEmpty();
    }
}
