package dev.custodyledger.scan.verify;

import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.projection.SqlValues;
import dev.custodyledger.scan.view.JourneyStepRow;
import dev.custodyledger.scan.view.UnitViewRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads the verification view: one query for the unit and the position, one more for its journey when found. */
@ApplicationScoped
public class ReadModel {
    private static final String UNIT = "select p.seq, v.code, v.kind, v.gtin, v.lot, v.expiry, v.product, v.brand_id,"
            + " v.brand_name, v.status, v.unit_recalled, v.lot_recalled, v.recall_reason, v.in_transit,"
            + " v.custodian_name, v.custodian_city, v.custodian_country, v.containers, v.last_seq,"
            + " (select string_agg(f.reason, ' ') from unit_flag f where f.unit_code = ?1)"
            + " from projection_position p left join unit_view v on v.code = ?1 where p.name = 'scan'";
    private static final String JOURNEY = "select unit_code, seq, event_time, step, party_name, to_party_name, city,"
            + " country, via_container from journey_step where unit_code = ?1 order by seq desc limit ?2";

    private final Mutiny.SessionFactory sessions;

    ReadModel(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** What the read model knows of a unit, the reasons the clone detector raised for it, and the ledger seq. */
    public record Lookup(long seq, UnitViewRow unit, List<JourneyStepRow> journey, Set<Reason> flags) {}

    public Uni<Lookup> find(String code, int journeySteps) {
        return sessions.withStatelessSession(s -> s.createNativeQuery(UNIT, Object[].class)
                .setParameter(1, code)
                .getSingleResult()
                .chain(row -> {
                    long seq = ((Number) row[0]).longValue();
                    if (row[1] == null) {
                        return Uni.createFrom().item(new Lookup(seq, null, List.of(), Set.of()));
                    }
                    Set<Reason> flags = row[19] == null
                            ? Set.of()
                            : Arrays.stream(((String) row[19]).split(" "))
                                    .map(Reason::valueOf)
                                    .collect(Collectors.toUnmodifiableSet());
                    UnitViewRow unit = unit(row);
                    return s.createNativeQuery(JOURNEY, Object[].class)
                            .setParameter(1, code)
                            .setParameter(2, journeySteps)
                            .getResultList()
                            .map(rows -> new Lookup(seq, unit, journey(rows), flags));
                }));
    }

    private static UnitViewRow unit(Object[] r) {
        return new UnitViewRow(
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                SqlValues.date(r[5]),
                (String) r[6],
                (String) r[7],
                (String) r[8],
                (String) r[9],
                (Boolean) r[10],
                (Boolean) r[11],
                (String) r[12],
                (Boolean) r[13],
                (String) r[14],
                (String) r[15],
                (String) r[16],
                (String) r[17],
                ((Number) r[18]).longValue());
    }

    /** Oldest first: the query takes the newest steps, the page shows them in order. */
    private static List<JourneyStepRow> journey(List<Object[]> rows) {
        List<JourneyStepRow> steps = new ArrayList<>(rows.size());
        for (int i = rows.size() - 1; i >= 0; i--) {
            Object[] r = rows.get(i);
            steps.add(new JourneyStepRow(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    SqlValues.instant(r[2]),
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8]));
        }
        return steps;
    }
}
