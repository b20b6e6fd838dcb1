package dev.custodyledger.core.scan;

import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.fold.UnitStatus;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.core.verdict.ScanContext;
import dev.custodyledger.core.verdict.UnitFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The clone detector's rules, as a pure function of one scan, the unit's earlier scans and what the ledger
 * says of it. Each rule is a {@link Reason} the verify then shows:
 * <ul>
 *   <li>a till scan of an item already sold: {@code SOLD_ITEM_AT_TILL};
 *   <li>consumer scans from more distinct devices than {@code maxDevices} within the window:
 *       {@code SCANNED_ON_TOO_MANY_DEVICES};
 *   <li>consumer scans in more distinct places than {@code maxPlaces} within the window, by more than one
 *       device: {@code SCANNED_IN_TOO_MANY_PLACES} (one phone travelling is not a copy);
 *   <li>a scan in another country than the custodian's before the item is sold: {@code SCANNED_FAR_FROM_CUSTODY},
 *       recorded but not suspect on its own.
 * </ul>
 * A repeat scan by a device already seen in the window raises nothing new: checking twice is not cloning.
 */
public final class ScanDetector {
    private ScanDetector() {}

    /**
     * @param earlier the unit's earlier scans, any order
     * @param facts the ledger's facts; null for a unit never commissioned (already UNKNOWN, nothing to add)
     * @param custodianPlace where the current custodian is registered, if known
     */
    public static Set<Reason> detect(
            Scan scan, List<Scan> earlier, UnitFacts facts, Location custodianPlace, CloneRules rules) {
        Set<Reason> raised = EnumSet.noneOf(Reason.class);
        if (facts == null) {
            return raised;
        }
        if (scan.context() == ScanContext.TILL && facts.status() == UnitStatus.SOLD) {
            raised.add(Reason.SOLD_ITEM_AT_TILL);
        }
        if (facts.status() != UnitStatus.SOLD
                && scan.place() != null
                && scan.place().country() != null
                && custodianPlace != null
                && custodianPlace.country() != null
                && !scan.place().country().equals(custodianPlace.country())) {
            raised.add(Reason.SCANNED_FAR_FROM_CUSTODY);
        }
        if (scan.context() != ScanContext.CONSUMER) {
            return raised;
        }
        List<Scan> window = new ArrayList<>();
        for (Scan s : earlier) {
            if (s.context() == ScanContext.CONSUMER
                    && !s.time().isAfter(scan.time())
                    && s.time().isAfter(scan.time().minus(rules.window()))) {
                window.add(s);
            }
        }
        if (window.stream().anyMatch(s -> s.device().equals(scan.device()))) {
            return raised;
        }
        window.add(scan);
        Set<String> devices = new HashSet<>();
        Set<Location> places = new HashSet<>();
        for (Scan s : window) {
            devices.add(s.device());
            if (s.place() != null) {
                places.add(s.place());
            }
        }
        if (devices.size() > rules.maxDevices()) {
            raised.add(Reason.SCANNED_ON_TOO_MANY_DEVICES);
        }
        if (places.size() > rules.maxPlaces() && devices.size() > 1) {
            raised.add(Reason.SCANNED_IN_TOO_MANY_PLACES);
        }
        return raised;
    }
}
