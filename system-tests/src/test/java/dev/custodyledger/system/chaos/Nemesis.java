package dev.custodyledger.system.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.testsupport.ServiceProcess;
import dev.custodyledger.testsupport.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Injects the {@link NemesisPlan}'s faults into the cluster one after another until a deadline: strike, heal
 * (SIGCONT, a start, the link restored), then wait until the system is whole again (every replica ready and
 * caught up, both fronts answering) and leave it alone for a quiet spell. Each fault is recorded with when it
 * struck, when it was healed and when the system was whole again.
 */
final class Nemesis {
    /** The longest a healed fault may take to recover before the soak counts it as never recovered. */
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(120);

    private final ChaosCluster cluster;
    private final NemesisPlan plan;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Struck> struck = new ArrayList<>();

    Nemesis(ChaosCluster cluster, NemesisPlan plan) {
        this.cluster = cluster;
        this.plan = plan;
    }

    /**
     * One fault as it happened: {@code target} is the process it struck (a lease holder resolved to its replica),
     * the times are ms since the epoch, {@code recovered} is -1 if the system did not recover within the bound.
     */
    record Struck(Fault fault, String target, long at, long healed, long recovered) {
        long recoveryMillis() {
            return recovered < 0 ? -1 : recovered - healed;
        }
    }

    List<Struck> run(long deadline) {
        while (System.currentTimeMillis() < deadline) {
            Fault fault = plan.next();
            long at = System.currentTimeMillis();
            String target = strike(fault);
            long healed = System.currentTimeMillis();
            long recovered = awaitWhole();
            struck.add(new Struck(fault, target, at, healed, recovered));
            if (recovered < 0) {
                break; // the rest of the soak would only measure this one failure again
            }
            ChaosCluster.sleep(plan.quiet().toMillis());
        }
        return struck;
    }

    /** Injects the fault and heals it; which process or link it struck. */
    private String strike(Fault fault) {
        return switch (fault) {
            case Fault.Crash c -> crash(c.target(), c.down());
            case Fault.Pause p -> pause(p.target(), p.length());
            case Fault.Restart r -> restart(r.target());
            case Fault.Slow s -> {
                TcpProxy link = link(s.link());
                link.delay(s.delayMillis());
                ChaosCluster.sleep(s.length().toMillis());
                link.heal();
                yield s.link().name().toLowerCase() + " link";
            }
            case Fault.Stall s -> {
                TcpProxy link = link(s.link());
                link.stall();
                ChaosCluster.sleep(s.length().toMillis());
                link.heal();
                yield s.link().name().toLowerCase() + " link";
            }
            case Fault.Cut c -> {
                link(c.link()).cut();
                yield c.link().name().toLowerCase() + " link";
            }
        };
    }

    private String crash(Target target, Duration down) {
        switch (target) {
            case Target.Broker b -> {
                cluster.kafka.kill();
                ChaosCluster.sleep(down.toMillis());
                cluster.kafka.restart();
            }
            case Target.Database d -> {
                cluster.database.kill();
                ChaosCluster.sleep(down.toMillis());
                cluster.database.restart();
            }
            case Target.Replica r -> {
                return crash(replica(r), down);
            }
            case Target.LeaseHolder l -> {
                return crash(holder(l.service()), down);
            }
        }
        return target.toString();
    }

    private static String crash(ServiceProcess replica, Duration down) {
        replica.kill();
        ChaosCluster.sleep(down.toMillis());
        replica.startAlive();
        return replica.name();
    }

    private String pause(Target target, Duration length) {
        switch (target) {
            case Target.Broker b -> {
                cluster.kafka.pause();
                ChaosCluster.sleep(length.toMillis());
                cluster.kafka.resume();
            }
            case Target.Database d -> {
                cluster.database.pause();
                ChaosCluster.sleep(length.toMillis());
                cluster.database.resume();
            }
            case Target.Replica r -> {
                return pause(replica(r), length);
            }
            case Target.LeaseHolder l -> {
                return pause(holder(l.service()), length);
            }
        }
        return target.toString();
    }

    private static String pause(ServiceProcess replica, Duration length) {
        replica.pause();
        ChaosCluster.sleep(length.toMillis());
        replica.resume();
        return replica.name();
    }

    private String restart(Target target) {
        switch (target) {
            case Target.Broker b -> cluster.kafka.stopAndStart();
            case Target.Database d -> cluster.database.restart();
            case Target.Replica r -> {
                return restart(replica(r));
            }
            case Target.LeaseHolder l -> {
                return restart(holder(l.service()));
            }
        }
        return target.toString();
    }

    private static String restart(ServiceProcess replica) {
        replica.stop();
        replica.startAlive();
        return replica.name();
    }

    private TcpProxy link(Target.Link link) {
        return switch (link) {
            case BROKER -> cluster.brokerLink;
            case DATABASE -> cluster.databaseLink;
        };
    }

    private ServiceProcess replica(Target.Replica r) {
        return cluster.replicas(r.service()).get(r.index() - 1);
    }

    /** The replica that says it writes the projections; the first one if none does at this moment. */
    private ServiceProcess holder(Target.Service service) {
        List<ServiceProcess> replicas = cluster.replicas(service);
        for (ServiceProcess replica : replicas) {
            JsonNode fold = fold(replica);
            if (fold != null && fold.path("data").path("writesProjections").asBoolean(false)) {
                return replica;
            }
        }
        return replicas.get(0);
    }

    /**
     * Waits until every replica is ready and caught up with the log, one replica of each service writes its
     * projections, and both fronts answer; when that was, or -1 after the bound.
     */
    long awaitWhole() {
        long deadline = System.currentTimeMillis() + RECOVERY_BOUND.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (whole()) {
                return System.currentTimeMillis();
            }
            ChaosCluster.sleep(200);
        }
        return -1;
    }

    private boolean whole() {
        for (Target.Service service : Target.Service.values()) {
            int writers = 0;
            for (ServiceProcess replica : cluster.replicas(service)) {
                JsonNode fold = fold(replica);
                if (fold == null
                        || !"UP".equals(fold.path("status").asText())
                        || !fold.path("data").path("caughtUp").asBoolean(false)) {
                    return false;
                }
                writers += fold.path("data").path("writesProjections").asBoolean(false) ? 1 : 0;
            }
            if (writers != 1) {
                return false;
            }
        }
        return status(cluster.ledgerUrl() + "/v1/ledger/head") == 200
                && status(cluster.scanUrl() + "/v1/ledger/head") == 200;
    }

    /** The replica's fold check from its readiness answer, or null while it does not answer. */
    private JsonNode fold(ServiceProcess replica) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            for (JsonNode check : StrictJson.parse(response.body()).path("checks")) {
                if (check.path("name").asText().endsWith("-fold")) {
                    return response.statusCode() == 200 ? check : null;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int status(String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
