package dev.custodyledger.fold;

import static dev.custodyledger.fold.Table.bigint;
import static dev.custodyledger.fold.Table.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
    record Lot(String id, long units) {}

    @Test
    void aDescriptionThatDoesNotMatchItsRecordFailsWhenItIsMade() {
        assertThatThrownBy(() -> new Table<>("lot", Lot.class, text("id", Lot::id)))
                .hasMessageContaining("1 columns for 2 components");
        assertThatThrownBy(() -> new Table<>("lot", Lot.class, text("id", Lot::id), text("units", Lot::units)))
                .hasMessageContaining("lot.units is TEXT, but Lot.units is long");
    }

    @Test
    void theSelectListNamesEveryColumnOnceInTheRecordsOrder() {
        var lots = new Table<>("lot", Lot.class, text("id", Lot::id), bigint("units", Lot::units));
        assertThat(lots.select("l")).isEqualTo("select l.id, l.units from lot l");
    }

    @Test
    void anUpsertUpdatesEveryColumnButTheKeyAndMergesWhereAsked() {
        var lots = new Table<>("lot", Lot.class, text("id", Lot::id), bigint("units", Lot::units));
        assertThat(lots.upsert().sql())
                .isEqualTo(
                        "insert into lot (id, units) select c1, c2 from unnest($1::text[], $2::bigint[]) as u(c1, c2)"
                                + " on conflict (id) do update set units = excluded.units");
        assertThat(lots.<Lot>upsert(l -> l, List.of(), Map.of("units", "lot.units + excluded.units"))
                        .sql())
                .endsWith("do update set units = lot.units + excluded.units");
    }
}
