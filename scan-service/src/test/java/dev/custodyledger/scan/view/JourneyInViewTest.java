package dev.custodyledger.scan.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.testsupport.CustodyInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The journey kept in a unit's view row: given the steps already written, when a write adds steps, then the row
 * holds the newest steps oldest first, and steps it already holds are not added again.
 */
@QuarkusTest
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scan"))
class JourneyInViewTest {
    private static final String CODE = "01/09506000134352/21/JOURNEY-IN-VIEW";
    private static final int KEPT = 3;

    @Inject
    Pool pool;

    private final VerificationReadModel projection = new VerificationReadModel(KEPT);

    @AfterEach
    void forgetTheUnit() {
        pool.preparedQuery("delete from unit_view where code = $1")
                .execute(Tuple.of(CODE))
                .await()
                .indefinitely();
    }

    @Test
    void stepsAddedAcrossWritesAreKeptOldestFirst() {
        write(1, 2);
        write(3);

        assertThat(seqs()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void onlyTheNewestStepsAreKept() {
        write(1, 2);
        write(3, 4);
        assertThat(seqs()).containsExactly(2L, 3L, 4L);

        write(5, 6, 7, 8, 9);
        assertThat(seqs()).containsExactly(7L, 8L, 9L);
    }

    @Test
    void stepsWrittenAgainAreNotDoubled() {
        write(1, 2);
        write(2, 3);
        write(3);

        assertThat(seqs()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStepKeepsWhatTheConsumerSeesAndLeavesOutWhatIsAbsent() {
        write(1);

        JsonObject step = journey().getJsonObject(0);
        assertThat(step.getString("step")).isEqualTo("SHIPPED");
        assertThat(step.getString("party_name")).isEqualTo("Brand");
        assertThat(step.getString("to_party_name")).isEqualTo("Shop");
        assertThat(Instant.parse(step.getString("event_time"))).isEqualTo(Instant.ofEpochSecond(1_000_001));
        assertThat(step.fieldNames()).doesNotContain("city", "country", "via_container");
    }

    private void write(long... seqs) {
        long last = seqs[seqs.length - 1];
        List<JourneyStepRow> steps = LongStream.of(seqs)
                .mapToObj(seq -> new JourneyStepRow(
                        seq, Instant.ofEpochSecond(1_000_000 + seq), "SHIPPED", "Brand", "Shop", null, null, null))
                .toList();
        var view = new UnitViewRow(
                CODE,
                "ITEM",
                "09506000134352",
                "L1",
                null,
                null,
                "brand",
                "Brand",
                "ACTIVE",
                false,
                false,
                null,
                true,
                "Brand",
                null,
                null,
                null,
                last);
        pool.withTransaction(tx -> projection.write(tx, new ViewRows(List.of(view), Map.of(CODE, steps))))
                .await()
                .indefinitely();
    }

    private JsonArray journey() {
        return pool.preparedQuery("select journey from unit_view where code = $1")
                .execute(Tuple.of(CODE))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getJsonArray("journey");
    }

    private List<Long> seqs() {
        JsonArray journey = journey();
        return LongStream.range(0, journey.size())
                .mapToObj(i -> journey.getJsonObject((int) i).getLong("seq"))
                .toList();
    }
}
