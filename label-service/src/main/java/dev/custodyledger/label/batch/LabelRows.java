package dev.custodyledger.label.batch;

import dev.custodyledger.core.gs1.Serial;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The label table through the reactive client: one array statement per chunk of serials (parsed once, however
 * many rows), and keyset pages for rendering and commissioning, so no batch is ever held whole in memory.
 */
@ApplicationScoped
public class LabelRows {
    private static final String INSERT = "insert into label (batch_id, idx, gtin, serial)"
            + " select $1, a.idx, $2, a.serial from unnest($3::int[], $4::text[]) as a(idx, serial)"
            + " on conflict (gtin, serial) do nothing";
    private static final String MISSING = "select i from generate_series($2::int, $3::int) as i"
            + " where not exists (select 1 from label where batch_id = $1 and idx = i) order by i";
    private static final String ADVANCE = "update label_batch set allocated = $3, updated_at = now(),"
            + " status = case when $3 = quantity then 'ALLOCATED' else status end"
            + " where id = $1 and allocated = $2";
    private static final String PAGE =
            "select idx, serial from label where batch_id = $1 and idx >= $2 and idx <= $3 order by idx limit $4";

    /** One label of a batch: its position in print order (from 1) and its serial. */
    public record Label(int index, Serial serial) {}

    /** Draws serials for some indexes of a chunk; called again for the indexes that collided. */
    public interface SerialSource {
        List<Serial> draw(int count);
    }

    private final Pool pool;

    LabelRows(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores labels {@code allocated + 1 .. allocated + count} and moves the batch's count, in one transaction
     * fenced on the count it read: a crash leaves the batch exactly where it was, a second allocator changes
     * nothing. A serial that already exists for the GTIN is drawn again.
     */
    public Uni<Integer> allocate(UUID batch, String gtin, int allocated, int count, SerialSource serials) {
        int first = allocated + 1;
        int last = allocated + count;
        return pool.withTransaction(c -> fill(c, batch, gtin, indexes(first, last), serials, 0)
                .chain(() -> c.preparedQuery(ADVANCE).execute(Tuple.of(batch, allocated, last)))
                .map(result -> {
                    if (result.rowCount() != 1) {
                        throw new IllegalStateException("batch " + batch + " moved under its allocator");
                    }
                    return last;
                }));
    }

    private Uni<Void> fill(
            SqlConnection c, UUID batch, String gtin, List<Integer> indexes, SerialSource serials, int round) {
        if (indexes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (round > 5) {
            return Uni.createFrom()
                    .failure(new IllegalStateException(
                            "serials kept colliding for GTIN " + gtin + "; is the source random?"));
        }
        List<Serial> drawn = serials.draw(indexes.size());
        var values = drawn.stream().map(Serial::value).toArray(String[]::new);
        return c.preparedQuery(INSERT)
                .execute(Tuple.of(batch, gtin, indexes.toArray(Integer[]::new), values))
                .chain(inserted -> inserted.rowCount() == indexes.size()
                        ? Uni.createFrom().item(List.<Integer>of())
                        : c.preparedQuery(MISSING)
                                .execute(Tuple.of(batch, indexes.get(0), indexes.get(indexes.size() - 1)))
                                .map(rows -> {
                                    var missing = new ArrayList<Integer>();
                                    rows.forEach(r -> missing.add(r.getInteger(0)));
                                    return missing;
                                }))
                .chain(missing -> fill(c, batch, gtin, missing, serials, round + 1));
    }

    /** Up to {@code limit} labels with index in {@code [from, to]}, in order. */
    public Uni<List<Label>> page(UUID batch, int from, int to, int limit) {
        return pool.preparedQuery(PAGE)
                .execute(Tuple.of(batch, from, to, limit))
                .map(rows -> {
                    var page = new ArrayList<Label>(rows.size());
                    for (Row r : rows) {
                        page.add(new Label(r.getInteger(0), Serial.of(r.getString(1))));
                    }
                    return page;
                });
    }

    private static List<Integer> indexes(int first, int last) {
        var list = new ArrayList<Integer>(last - first + 1);
        for (int i = first; i <= last; i++) {
            list.add(i);
        }
        return list;
    }
}
