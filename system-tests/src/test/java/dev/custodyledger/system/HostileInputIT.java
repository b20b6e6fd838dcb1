package dev.custodyledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodyledger.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Replays the hostile-input corpus ({@code src/test/resources/hostile/*.jsonl}, described in {@link HostileCase})
 * against the public endpoints of the three running services. Each case must get its status and problem code
 * as {@code application/problem+json} without a stack trace; after the whole corpus, the ledger has gained only
 * the records the corpus expected and no read model of any service has changed.
 */
@Tag("hostile")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    CustodySystem system;
    HostileWorld world;
    Map<String, Object> before;
    long expectedAppends;

    @BeforeAll
    void startTheSystem() throws Exception {
        system = CustodySystem.create("hostile");
        world = new HostileWorld(system.ledger);
        system.append(world.log);
        for (ServiceProcess service : services()) {
            service.start();
        }
        awaitProjected(world.log.size());
        before = fingerprint();
    }

    @AfterAll
    void stop() {
        system.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsItsAnswerAndNothingChanges() throws IOException {
        List<HostileCase> cases = corpus();
        assertThat(cases).as("corpus size").hasSizeGreaterThanOrEqualTo(200);
        var ids = new HashSet<String>();
        cases.forEach(c -> assertThat(ids.add(c.id())).as("unique id " + c.id()).isTrue());
        expectedAppends = cases.stream().mapToLong(HostileCase::appends).sum();
        return Stream.concat(
                cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + " " + c.id(), () -> replay(c))),
                Stream.of(DynamicTest.dynamicTest("after the corpus: no read model changed", this::nothingChanged)));
    }

    private void replay(HostileCase c) throws Exception {
        HttpResponse<String> response = send(c);
        String body = response.body();
        String where = c.id() + " (" + c.spec().path("request").asText() + ") answered " + response.statusCode() + " "
                + abbreviate(body);
        assertThat(response.statusCode()).as(where).isEqualTo(c.status());
        assertThat(body).as(where).doesNotContain("\tat ", "Exception", "java.", "dev.custodyledger");
        if (c.status() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(where)
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(body).path("code").asText()).as(where).isEqualTo(c.code());
        } else if (c.code() != null) {
            assertThat(result(body)).as(where).isEqualTo(c.code());
        }
    }

    /** What a 2xx answer decided: a batch's first rejection or problem code, else an outcome or verdict. */
    private static String result(String body) throws IOException {
        JsonNode answer = JSON.readTree(body);
        JsonNode first = answer.has("results") ? answer.path("results").path(0) : answer;
        for (JsonNode candidate : List.of(
                first.path("code"),
                first.path("problem").path("code"),
                first.path("outcome"),
                first.path("answer").path("verdict"))) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return null;
    }

    private HttpResponse<String> send(HostileCase c) throws IOException, InterruptedException, URISyntaxException {
        ServiceProcess service = switch (c.service()) {
            case "ledger" -> system.ledgerService;
            case "scan" -> system.scanService;
            case "label" -> system.labelService;
            default -> throw new IllegalArgumentException(c.id() + ": no service " + c.service());
        };
        byte[] body = c.body(world);
        var request = HttpRequest.newBuilder(new URI(service.url() + c.path(world)))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", c.accept())
                .method(
                        c.method(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", c.contentType());
        }
        String authorization = world.authorization(c.auth());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void nothingChanged() throws Exception {
        long end = world.log.size() + expectedAppends;
        assertThat(system.audit().outcomes()).as("records in the ledger").hasSize((int) end);
        awaitProjected(end);
        if (expectedAppends == 0) {
            assertThat(fingerprint()).isEqualTo(before);
        }
    }

    /** What must not move: both folds' heads and digests, and the row count of every table of every service. */
    private Map<String, Object> fingerprint() throws Exception {
        var print = new TreeMap<String, Object>();
        for (ServiceProcess service : List.of(system.ledgerService, system.scanService)) {
            JsonNode head = system.head(service);
            print.put(service.url() + " seq", head.path("seq").asLong());
            print.put(service.url() + " digest", head.path("stateDigest").asText());
        }
        for (String db : List.of(CustodySystem.LEDGER_DB, CustodySystem.SCAN_DB, CustodySystem.LABEL_DB)) {
            print.putAll(tableCounts(db));
        }
        return print;
    }

    private Map<String, Long> tableCounts(String database) throws SQLException {
        var counts = new TreeMap<String, Long>();
        var db = system.database;
        try (var c = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password())) {
            var tables = new ArrayList<String>();
            var rs = c.createStatement()
                    .executeQuery("select table_name from information_schema.tables where table_schema = 'public'");
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            for (String table : tables) {
                var count = c.createStatement().executeQuery("select count(*) from \"" + table + "\"");
                count.next();
                counts.put(database + "." + table, count.getLong(1));
            }
        }
        return counts;
    }

    private void awaitProjected(long end) {
        for (ServiceProcess service : List.of(system.ledgerService, system.scanService)) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> system.head(service).path("projectedSeq").asLong() == end);
        }
    }

    private List<ServiceProcess> services() {
        return List.of(system.ledgerService, system.scanService, system.labelService);
    }

    static List<HostileCase> corpus() throws IOException {
        var cases = new ArrayList<HostileCase>();
        try (var files = Files.list(CORPUS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        cases.add(new HostileCase(file.getFileName().toString(), JSON.readTree(line)));
                    }
                }
            }
        }
        return cases;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
