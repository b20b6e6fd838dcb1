package dev.custodyledger.scan.view;

import dev.custodyledger.core.event.CustodyEvent;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.CustodyEvent.Pack;
import dev.custodyledger.core.event.CustodyEvent.Recall;
import dev.custodyledger.core.event.CustodyEvent.Receive;
import dev.custodyledger.core.event.CustodyEvent.Refuse;
import dev.custodyledger.core.event.CustodyEvent.RegistryEvent;
import dev.custodyledger.core.event.CustodyEvent.Report;
import dev.custodyledger.core.event.CustodyEvent.Sell;
import dev.custodyledger.core.event.CustodyEvent.Unpack;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.fold.Folded;
import dev.custodyledger.fold.MultiRowStatement;
import dev.custodyledger.fold.ReadModel;
import dev.custodyledger.fold.Table;
import dev.custodyledger.scan.config.ScanConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scan-service's read model: per unit, what a verify needs in one lookup, and the journey a consumer sees.
 * Built from the fold's state on the folding thread; written by the engine behind the fold.
 */
@ApplicationScoped
public class VerificationReadModel implements ReadModel<ViewRows> {
    private final MultiRowStatement<UnitWrite> units;
    private final int journeySteps;

    @Inject
    VerificationReadModel(ScanConfig config) {
        this(config.verify().journeySteps());
    }

    /** Keeps the newest {@code journeySteps} steps of each unit's journey. */
    VerificationReadModel(int journeySteps) {
        this.journeySteps = journeySteps;
        this.units = UnitViewRow.TABLE.upsert(
                UnitWrite::view,
                List.of(new Table.Column<>("journey", Table.SqlType.JSONB, UnitWrite::newSteps)),
                Map.of("journey", journeyAppended(journeySteps)));
    }

    /** A unit's view and, as a JSON array oldest first, the journey steps this write adds to it. */
    private record UnitWrite(UnitViewRow view, String newSteps) {}

    /**
     * The stored journey followed by the new steps newer than its newest (so that writing the same steps twice
     * cannot double them), of which the newest {@code kept} remain.
     */
    private static String journeyAppended(int kept) {
        return "jsonb_path_query_array(unit_view.journey || jsonb_path_query_array(excluded.journey,"
                + " '$[*] ? (@.seq > $newest)', jsonb_build_object('newest', coalesce(unit_view.journey -> -1 -> 'seq',"
                + " '0'))), '$[last - " + (kept - 1) + " to last]')";
    }

    @Override
    public ViewRows rows(List<Folded> folded, CustodyState state, long previousSeq) {
        // Views come from the state after the whole run, so each touched unit's view is built once, at the end.
        Map<UnitCode, List<JourneyStepRow>> steps = new LinkedHashMap<>();
        for (Folded f : folded) {
            Outcome o = f.outcome();
            if (!o.accepted() || o.type().isRegistry()) {
                continue;
            }
            JourneyStepRow step = step(f.record().event().event(), o, state);
            // One step per unit and event: a unit named directly is not also "carried along". A lot's recall
            // names every unit of the lot in its outcome.
            Map<UnitCode, JourneyStepRow> touched = new LinkedHashMap<>();
            List<UnitCode> named = o.units();
            named.forEach(code -> touched.putIfAbsent(code, step));
            JourneyStepRow carried = step.via(carriers(named));
            o.carried().forEach(code -> touched.putIfAbsent(code, carried));
            touched.forEach((code, row) ->
                    steps.computeIfAbsent(code, c -> new ArrayList<>()).add(row));
        }
        // Every unit touched has a step, so the units whose views changed are the keys of the steps.
        Map<Gtin, PartyState> owners = new HashMap<>();
        List<UnitViewRow> views = new ArrayList<>(steps.size());
        Map<String, List<JourneyStepRow>> journeys = new LinkedHashMap<>();
        steps.forEach((code, added) -> {
            views.add(view(state.unit(code), state, owners));
            journeys.put(code.path(), added);
        });
        return new ViewRows(views, journeys);
    }

    @Override
    public ViewRows merge(List<ViewRows> consecutive) {
        return ViewRows.merge(consecutive);
    }

    /**
     * The journey lives in the unit's row, so that a verify reads one row by its key rather than a row and then a
     * range of another table's index (about half of the lookup statement's time in pgbench; under load the round
     * trip dominates, ADR 13).
     */
    @Override
    public Uni<Void> write(SqlConnection transaction, ViewRows rows) {
        List<UnitWrite> writes = rows.units().stream()
                .map(u -> new UnitWrite(u, newest(rows.steps().getOrDefault(u.code(), List.of()))))
                .toList();
        return units.execute(transaction, writes);
    }

    @Override
    public List<String> tables() {
        return List.of(UnitViewRow.TABLE.name());
    }

    /** The newest steps of those added, oldest first, as the row holds its journey. */
    private String newest(List<JourneyStepRow> steps) {
        return JourneyStepRow.json(steps.subList(Math.max(0, steps.size() - journeySteps), steps.size()));
    }

    /**
     * The containers an event named: a unit it carried along was inside one of them. The state after the batch
     * cannot say which (the unit may have been unpacked since), and the consumer page needs no more.
     */
    private static String carriers(List<UnitCode> named) {
        return String.join(
                " ",
                named.stream()
                        .filter(ContainerCode.class::isInstance)
                        .map(UnitCode::path)
                        .toList());
    }

    /** {@code owners} caches the brand owner per GTIN: finding one scans the registry. */
    static UnitViewRow view(UnitState u, CustodyState state, Map<Gtin, PartyState> owners) {
        PartyState custodian = state.party(u.custodian());
        PartyState brand = u.item() != null ? owners.computeIfAbsent(u.item().gtin(), state::owner) : null;
        if (brand == null) {
            brand = custodian;
        }
        Location place = custodian.profile().location();
        List<String> chain = new ArrayList<>();
        for (ContainerCode c = u.parent(); c != null; c = state.unit(c).parent()) {
            chain.add(c.path());
        }
        return new UnitViewRow(
                u.code().path(),
                u.isContainer() ? "CONTAINER" : "ITEM",
                u.item() != null ? u.item().gtin().value() : null,
                u.lot() != null ? u.lot().key().lot().value() : null,
                u.expiry(),
                u.product() != null ? u.product().json() : null,
                brand.id().value(),
                brand.profile().name(),
                u.status().name(),
                u.unitRecalledSeq() > 0,
                u.lot() != null && u.lot().recalled(),
                u.recallReason(),
                u.inTransit(),
                custodian.profile().name(),
                place != null ? place.city() : null,
                place != null ? place.country() : null,
                chain.isEmpty() ? null : String.join(" ", chain),
                u.lastSeq());
    }

    /** What one event means on a consumer's timeline, and where and by whom it happened, for a unit it named. */
    private static JourneyStepRow step(CustodyEvent event, Outcome o, CustodyState state) {
        PartyState actor = state.party(o.actor());
        String to = switch (event) {
            case Handoff h -> name(state, h.to());
            case RegistryEvent _, Commission _, Pack _, Unpack _, Receive _, Refuse _, Sell _, Recall _, Report _ ->
                null;
        };
        Location place = event.header().location() != null
                ? event.header().location()
                : actor.profile().location();
        return new JourneyStepRow(
                o.seq(),
                event.header().eventTime(),
                stepName(event),
                actor.profile().name(),
                to,
                place != null ? place.city() : null,
                place != null ? place.country() : null,
                null);
    }

    private static String name(CustodyState state, PartyId id) {
        PartyState p = state.party(id);
        return p != null ? p.profile().name() : id.value();
    }

    private static String stepName(CustodyEvent event) {
        return switch (event) {
            case Commission _ -> "COMMISSIONED";
            case Pack _ -> "PACKED";
            case Unpack _ -> "UNPACKED";
            case Handoff _ -> "SHIPPED";
            case Receive _ -> "RECEIVED";
            case Refuse _ -> "REFUSED";
            case Sell _ -> "SOLD";
            case Recall _ -> "RECALLED";
            case Report r -> "REPORTED_" + r.disposition().name();
            case RegistryEvent _ -> event.type().name();
        };
    }
}
