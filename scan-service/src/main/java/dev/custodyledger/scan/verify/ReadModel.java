package dev.custodyledger.scan.verify;

import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.scan.view.JourneyStepRow;
import dev.custodyledger.scan.view.UnitViewRow;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the verification view in one round trip: the position, the unit, its flags and its newest journey
 * steps. This is the hot path of every verify, so it is one prepared statement on the reactive client (cached per
 * connection) rather than a Hibernate native query, whose per-query interpretation cost capped verifies at about
 * 1,000/s on this machine (ADR 9).
 */
@ApplicationScoped
public class ReadModel {
    private static final String FIND = "select p.seq, v.code, v.kind, v.gtin, v.lot, v.expiry, v.product, v.brand_id,"
            + " v.brand_name, v.status, v.unit_recalled, v.lot_recalled, v.recall_reason, v.in_transit,"
            + " v.custodian_name, v.custodian_city, v.custodian_country, v.containers, v.last_seq,"
            + " (select string_agg(f.reason, ' ') from unit_flag f where f.unit_code = $1) as flags,"
            + " (select json_agg(j order by j.seq) from (select seq, event_time, step, party_name, to_party_name, city,"
            + " country, via_container from journey_step where unit_code = $1 order by seq desc limit $2) j) as journey"
            + " from projection_position p left join unit_view v on v.code = $1 where p.name = 'scan'";

    private final Pool pool;

    ReadModel(Pool pool) {
        this.pool = pool;
    }

    /** What the read model knows of a unit, the reasons the clone detector raised for it, and the ledger seq. */
    public record Lookup(long seq, UnitViewRow unit, List<JourneyStepRow> journey, Set<Reason> flags) {}

    public Uni<Lookup> find(String code, int journeySteps) {
        return pool.preparedQuery(FIND).execute(Tuple.of(code, journeySteps)).map(rows -> {
            Row row = rows.iterator().next();
            long seq = row.getLong("seq");
            if (row.getString("code") == null) {
                return new Lookup(seq, null, List.of(), Set.of());
            }
            String flags = row.getString("flags");
            return new Lookup(
                    seq,
                    unit(row),
                    journey(code, row.getJsonArray("journey")),
                    flags == null
                            ? Set.of()
                            : Arrays.stream(flags.split(" "))
                                    .map(Reason::valueOf)
                                    .collect(Collectors.toUnmodifiableSet()));
        });
    }

    private static UnitViewRow unit(Row r) {
        return new UnitViewRow(
                r.getString("code"),
                r.getString("kind"),
                r.getString("gtin"),
                r.getString("lot"),
                r.getLocalDate("expiry"),
                r.getString("product"),
                r.getString("brand_id"),
                r.getString("brand_name"),
                r.getString("status"),
                r.getBoolean("unit_recalled"),
                r.getBoolean("lot_recalled"),
                r.getString("recall_reason"),
                r.getBoolean("in_transit"),
                r.getString("custodian_name"),
                r.getString("custodian_city"),
                r.getString("custodian_country"),
                r.getString("containers"),
                r.getLong("last_seq"));
    }

    /** Oldest first, as the page shows them. */
    private static List<JourneyStepRow> journey(String code, JsonArray steps) {
        if (steps == null) {
            return List.of();
        }
        List<JourneyStepRow> journey = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonObject s = steps.getJsonObject(i);
            journey.add(new JourneyStepRow(
                    code,
                    s.getLong("seq"),
                    OffsetDateTime.parse(s.getString("event_time")).toInstant(),
                    s.getString("step"),
                    s.getString("party_name"),
                    s.getString("to_party_name"),
                    s.getString("city"),
                    s.getString("country"),
                    s.getString("via_container")));
        }
        return journey;
    }
}
