package dev.custodyledger.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
    record Lot(String id, long units, String recallReason) {}

    record Shipment(String id, URI carrier) {}

    @Test
    void aRecordWithAComponentOfNoColumnTypeFailsWhenItsTableIsMade() {
        assertThatThrownBy(() -> new Table<>("shipment", Shipment.class))
                .hasMessageContaining("Shipment.carrier is URI, which no column type holds");
    }

    @Test
    void columnsAreTheComponentsInSnakeCaseWithTheirTypes() {
        var lots = new Table<>("lot", Lot.class);
        assertThat(lots.insert("").sql())
                .isEqualTo("insert into lot (id, units, recall_reason) select c1, c2, c3"
                        + " from unnest($1::text[], $2::bigint[], $3::text[]) as u(c1, c2, c3)");
        assertThat(lots.columns("l")).isEqualTo("l.id, l.units, l.recall_reason");
    }

    @Test
    void theSelectListNamesEveryColumnOnceInTheRecordsOrder() {
        var lots = new Table<>("lot", Lot.class);
        assertThat(lots.select("l")).isEqualTo("select l.id, l.units, l.recall_reason from lot l");
    }

    @Test
    void anUpsertUpdatesEveryColumnButTheKeyAndMergesWhereAsked() {
        var lots = new Table<>("lot", Lot.class);
        assertThat(lots.upsert().sql())
                .isEqualTo("insert into lot (id, units, recall_reason) select c1, c2, c3"
                        + " from unnest($1::text[], $2::bigint[], $3::text[]) as u(c1, c2, c3)"
                        + " on conflict (id) do update set units = excluded.units,"
                        + " recall_reason = excluded.recall_reason");
        assertThat(lots.<Lot>upsert(l -> l, List.of(), Map.of("units", "lot.units + excluded.units"))
                        .sql())
                .endsWith("do update set units = lot.units + excluded.units, recall_reason = excluded.recall_reason");
    }
}
