package dev.custodyledger.ledger;

import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static dev.custodyledger.ledger.LedgerApi.accept;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.EntryBundle;
import dev.custodyledger.core.tlog.LogLeaf;
import dev.custodyledger.core.tlog.LogPolicy;
import dev.custodyledger.core.tlog.MerkleHash;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.Tile;
import dev.custodyledger.core.tlog.TileHashes;
import dev.custodyledger.core.tlog.TlogProof;
import dev.custodyledger.core.tlog.TreeBuilder;
import dev.custodyledger.fold.FoldService;
import dev.custodyledger.ledger.tlog.CheckpointSigner;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import dev.custodyledger.testsupport.Database;
import dev.custodyledger.testsupport.Infrastructure;
import dev.custodyledger.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transparency log as its users meet it over HTTP: a signed checkpoint, tiles anyone rebuilds the tree from,
 * inclusion and consistency proofs that check offline, and a signer that never signs what does not extend the
 * history it signed before (the log key is TestLedger's key("log"), configured in the test properties).
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class TransparencyLogTest {
    static final NoteKey LOG = new NoteKey(
            "localhost/custody-ledger", NoteKey.ED25519, TestLedger.key("log").publicKey());

    @Inject
    FoldService service;

    @Inject
    CheckpointSigner signer;

    final TestLedger ledger = TestLedger.startingNow();
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    /** A test class with other resources starts another application, which first folds what earlier ones left. */
    @BeforeEach
    void caughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> service.engine().current());
    }

    @Test
    void everyRecordIsALeafOfTheSignedTreeThatAnyoneRebuildsFromTheTiles() throws Exception {
        List<SignedEvent> handoffs = grow("tiles", 300);
        Checkpoint checkpoint = checkpointOfEverything();

        List<byte[]> entries = new ArrayList<>();
        for (long bundle = 0; bundle * Tile.WIDTH < checkpoint.size(); bundle++) {
            int width = (int) Math.min(Tile.WIDTH, checkpoint.size() - bundle * Tile.WIDTH);
            var tile = new Tile(Tile.ENTRIES, bundle, width);
            entries.addAll(EntryBundle.split(tileBytes(tile.path())));
        }
        var rebuilt = TreeBuilder.empty();
        for (int i = 0; i < entries.size(); i++) {
            assertThat(LogLeaf.decode(entries.get(i)).seq()).isEqualTo(i + 1);
            rebuilt.append(entries.get(i));
        }
        assertThat(rebuilt.root()).as("the root of the served entries").isEqualTo(checkpoint.root());
        byte[] fromTiles = MerkleTree.root(
                checkpoint.size(),
                new TileHashes((level, index, width) -> tileBytes(new Tile(level, index, width).path())));
        assertThat(fromTiles).as("the root of the served hash tiles").isEqualTo(checkpoint.root());

        for (SignedEvent handoff : List.of(handoffs.get(0), handoffs.get(299))) {
            long seq = given().get("/v1/events/" + handoff.id()).jsonPath().getLong("seq");
            LogLeaf leaf = LogLeaf.decode(entries.get((int) seq - 1));
            assertThat(leaf.digest()).isEqualTo(handoff.id().hash());
            assertThat(leaf.type()).isEqualTo(EventType.HANDOFF);
            assertThat(leaf.code()).as("accepted").isNull();
        }
    }

    @Test
    void tilesAreImmutableAndTheCheckpointIsNotCached() {
        grow("cache", 260);
        Checkpoint checkpoint = checkpointOfEverything();
        given().get("/tlog/checkpoint")
                .then()
                .statusCode(200)
                .contentType("text/plain; charset=utf-8")
                .header("Cache-Control", "no-cache");
        given().get("/tlog/tile/0/000")
                .then()
                .statusCode(200)
                .contentType("application/octet-stream")
                .header("Cache-Control", "public, max-age=31536000, immutable");
        String beyond = new Tile(0, checkpoint.size() / Tile.WIDTH + 10, 1).path();
        given().get("/tlog/" + beyond).then().statusCode(404).contentType("application/problem+json");
        given().get("/tlog/tile/0/0").then().statusCode(400).contentType("application/problem+json");
        given().get("/tlog/tile/0/000.p/256").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anEventsInclusionProofChecksOfflineAgainstTheSignedCheckpoint() throws Exception {
        SignedEvent last = grow("proof", 20).get(19);
        checkpointOfEverything();

        String text = given().get("/tlog/proof/" + last.id())
                .then()
                .statusCode(200)
                .contentType("text/plain; charset=utf-8")
                .extract()
                .asString();
        TlogProof proof = TlogProof.parse(text);
        Checkpoint checkpoint = proof.verify(new LogPolicy(LOG, List.of(), 0), proof.extra());
        assertThat(LogLeaf.decode(proof.extra()).digest()).isEqualTo(last.id().hash());
        assertThat(proof.index() + 1)
                .isEqualTo(given().get("/v1/events/" + last.id()).jsonPath().getLong("seq"));
        assertThat(checkpoint.size()).isGreaterThan(proof.index());

        given().get("/tlog/proof/"
                        + ledger.handoff("nobody", "none", item(gtin("9506000", 1), "X"))
                                .id())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
        given().get("/tlog/proof/not-an-id")
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("MALFORMED"));
    }

    @Test
    void checkpointsOnlyGrowAndEachExtendsTheOneBeforeAcrossARebuild() throws Exception {
        grow("before", 10);
        Checkpoint first = checkpointOfEverything();
        grow("after", 10);
        Checkpoint second = checkpointOfEverything();
        assertThat(second.size()).isGreaterThan(first.size());
        assertConsistent(first, second);

        service.engine().rebuild();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> service.engine().current()
                        && service.engine().writesProjections()
                        && service.engine().projectedSeq() == service.engine().lastSeq());
        grow("rebuilt", 5);
        Checkpoint third = checkpointOfEverything();
        assertConsistent(second, third);

        List<Checkpoint> stored = storedCheckpoints();
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).size()).isGreaterThan(stored.get(i - 1).size());
            assertConsistent(stored.get(i - 1), stored.get(i));
        }
        assertThat(stored).extracting(Checkpoint::size).contains(first.size(), second.size(), third.size());
    }

    @Test
    void aTreeAlteredUnderTheSignerIsRefusedAndNothingIsSignedUntilItIsWholeAgain() throws Exception {
        grow("whole", 260);
        Checkpoint before = checkpointOfEverything();
        if ((before.size() + 1) % Tile.WIDTH == 0) {
            accept(ledger.register("filler-" + run, List.of(Role.RETAILER)));
            before = checkpointOfEverything();
        }
        // The level-1 tile holds the hash of every full level-0 tile; the writer rewrites it only when another
        // level-0 tile fills, which the one record below does not.
        String flip = "update tlog_tile set hashes = set_byte(hashes, 5, get_byte(hashes, 5) # 1) where tile = '1/0'";
        execute(flip);
        try {
            accept(ledger.register("altered-" + run, List.of(Role.RETAILER)));
            await().atMost(Duration.ofSeconds(20)).until(() -> signer.refusal() != null);
            assertThat(signer.refusal()).contains("does not extend the checkpoint of " + before.size());
            assertThat(checkpoint().size()).as("nothing signed meanwhile").isEqualTo(before.size());
        } finally {
            execute(flip);
        }
        Checkpoint after = checkpointOfEverything();
        assertThat(signer.refusal()).isNull();
        assertConsistent(before, after);
    }

    /** Onboards a producer and a distributor, commissions {@code units} and hands each off: units + 5 records. */
    private List<SignedEvent> grow(String name, int units) {
        String brand = name + "-maker-" + run;
        String depot = name + "-depot-" + run;
        String prefix = "96" + (10000 + Math.floorMod((name + run).hashCode(), 89999));
        accept(TestLedger.concat(
                ledger.onboard(brand, Role.PRODUCER, prefix), ledger.onboard(depot, Role.DISTRIBUTOR)));
        List<ItemCode> codes = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            codes.add(item(gtin(prefix, 1), "T" + i + "x" + run));
        }
        accept(ledger.commission(brand, "L1", codes));
        List<SignedEvent> handoffs =
                codes.stream().map(u -> ledger.handoff(brand, depot, u)).toList();
        String body = handoffs.stream()
                .map(e -> new String(e.envelopeBytes(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(",", "[", "]"));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/events/batch")
                .then()
                .statusCode(200);
        return handoffs;
    }

    /** Waits for a checkpoint of every record in the ledger now, and checks its signature. */
    private Checkpoint checkpointOfEverything() {
        long seq = LedgerApi.headSeq();
        await().atMost(Duration.ofSeconds(30)).until(() -> checkpoint().size() >= seq);
        return checkpoint();
    }

    private static Checkpoint checkpoint() {
        var response = given().get("/tlog/checkpoint");
        if (response.statusCode() == 404) {
            return new Checkpoint(LOG.name(), 0, MerkleHash.EMPTY);
        }
        try {
            SignedNote note =
                    SignedNote.parse(response.then().statusCode(200).extract().asString());
            assertThat(note.verify(List.of(LOG))).containsExactly(LOG);
            return Checkpoint.parse(note.text());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertConsistent(Checkpoint older, Checkpoint newer) throws Exception {
        List<byte[]> proof = Arrays.stream(given().queryParam("from", older.size())
                        .queryParam("to", newer.size())
                        .get("/tlog/proof/consistency")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                        .split("\n"))
                .filter(line -> !line.isEmpty())
                .map(Base64.getDecoder()::decode)
                .toList();
        MerkleTree.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), proof);
    }

    private static byte[] tileBytes(String path) {
        return given().get("/tlog/" + path).then().statusCode(200).extract().asByteArray();
    }

    private static List<Checkpoint> storedCheckpoints() throws Exception {
        Database db = Infrastructure.database();
        List<Checkpoint> stored = new ArrayList<>();
        try (var c = DriverManager.getConnection(db.jdbcUrl("ledger"), db.username(), db.password());
                var rs = c.createStatement().executeQuery("select note from tlog_checkpoint order by signed_at")) {
            while (rs.next()) {
                stored.add(Checkpoint.parse(SignedNote.parse(rs.getString(1)).text()));
            }
        }
        return stored;
    }

    private static void execute(String sql) {
        Infrastructure.database().execute("ledger", sql);
    }
}
