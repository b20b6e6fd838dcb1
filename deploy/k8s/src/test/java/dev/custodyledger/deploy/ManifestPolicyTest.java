package dev.custodyledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deployment rules, checked on what kustomize builds for each overlay. */
class ManifestPolicyTest {
    static final List<String> SERVICES = List.of("ledger-service", "scan-service", "label-service");

    @BeforeAll
    static void needsKubectl() {
        assumeTrue(
                Overlay.kubectlAvailable(),
                "kubectl is not installed, so the overlays cannot be built here; .ci/run installs it in CI");
    }

    static Overlay overlay(String name) throws IOException, InterruptedException {
        return Overlay.build(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsHardenedWithProbesLimitsAndAPinnedImage(String name) throws Exception {
        var overlay = overlay(name);
        var deployments = overlay.all(StatefulSet.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (StatefulSet d : deployments) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String where = name + "/" + d.getMetadata().getName();
            assertThat(pod.getSecurityContext().getRunAsNonRoot())
                    .as(where + " runAsNonRoot")
                    .isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                    .as(where)
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken())
                    .as(where + " needs no API token")
                    .isFalse();
            for (Container c : pod.getContainers()) {
                assertThat(c.getImage())
                        .as(where + " image")
                        .matches("[^:]+/[^:]+:[^:]+")
                        .doesNotEndWith(":latest");
                assertProbe(c.getStartupProbe(), "/q/health/started", where);
                assertProbe(c.getLivenessProbe(), "/q/health/live", where);
                assertProbe(c.getReadinessProbe(), "/q/health/ready", where);
                assertThat(c.getResources().getRequests())
                        .as(where + " requests")
                        .containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
                var security = c.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem())
                        .as(where + " read-only root")
                        .isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(security.getCapabilities().getDrop())
                        .as(where + " capabilities")
                        .containsExactly("ALL");
            }
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as(where + " is scraped")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theLedgerTopicIsOnePartitionKeptForeverOnTheBrokersClock(String name) throws Exception {
        var overlay = overlay(name);
        Map<String, Object> spec = Overlay.spec(overlay.custom("KafkaTopic", "custody.ledger"));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) spec.get("config");

        assertThat(spec.get("partitions")).isEqualTo(1);
        assertThat(String.valueOf(config.get("retention.ms"))).isEqualTo("-1");
        assertThat(config.get("message.timestamp.type")).isEqualTo("LogAppendTime");
        assertThat(String.valueOf(config.get("unclean.leader.election.enable"))).isEqualTo("false");
        if (name.equals("prod")) {
            assertThat(spec.get("replicas")).isEqualTo(3);
            assertThat(String.valueOf(config.get("min.insync.replicas"))).isEqualTo("2");
        }
        assertThat(overlay.custom("KafkaTopic"))
                .extracting(t -> t.getMetadata().getName())
                .containsExactlyInAnyOrder("custody.ledger", "custody.intake", "custody.scans", "custody.alerts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyLedgerServiceMayWriteTheLedgerAndItsIntakeAndOnlyScanServiceWritesScansAndAlerts(String name)
            throws Exception {
        var overlay = overlay(name);
        var writes = new TreeSet<String>();
        for (GenericKubernetesResource user : overlay.custom("KafkaUser")) {
            @SuppressWarnings("unchecked")
            var acls = (List<Map<String, Object>>)
                    ((Map<String, Object>) Overlay.spec(user).get("authorization")).get("acls");
            for (Map<String, Object> acl : acls) {
                @SuppressWarnings("unchecked")
                var resource = (Map<String, Object>) acl.get("resource");
                @SuppressWarnings("unchecked")
                var operations = (List<String>) acl.get("operations");
                assertThat(operations).as("no wildcard grants").doesNotContain("All");
                assertThat(resource.get("patternType")).as("no prefixed grants").isEqualTo("literal");
                if (operations.contains("Write") || operations.contains("Create") || operations.contains("Alter")) {
                    writes.add(user.getMetadata().getName() + " -> " + resource.get("name"));
                }
            }
        }
        assertThat(writes)
                .containsExactly(
                        // the sequencer's transactional id: only ledger-service appends, in transactions (ADR 24)
                        "ledger-service -> custody-sequencer-custody.ledger",
                        "ledger-service -> custody.intake",
                        "ledger-service -> custody.ledger",
                        "scan-service -> custody.alerts",
                        "scan-service -> custody.scans");
        Map<String, Object> kafka = Overlay.spec(overlay.custom("Kafka", "custody"));
        assertThat(kafka.toString()).contains("authorization={type=simple}", "tls=true", "authentication={type=tls}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferencedSecretAndConfigMapIsDefinedOrDocumentedAsProvided(String name) throws Exception {
        var overlay = overlay(name);
        var defined = new HashSet<String>();
        overlay.all(ConfigMap.class).forEach(c -> defined.add(c.getMetadata().getName()));
        overlay.all(Secret.class).forEach(s -> defined.add(s.getMetadata().getName()));
        Set<String> documented = documentedSecrets();

        for (String ref : references(overlay)) {
            assertThat(defined.contains(ref) || documented.contains(ref))
                    .as(name + ": '" + ref
                            + "' is referenced but neither defined nor listed in deploy/README.md's Secrets")
                    .isTrue();
        }
        assertThat(overlay.all(Secret.class))
                .as("no Secret is committed with a value")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodStartsFromDefaultDenyNetworking(String name) throws Exception {
        var policies = overlay(name).all(NetworkPolicy.class);
        var deny = policies.stream()
                .filter(p -> p.getMetadata().getName().equals("default-deny"))
                .findFirst()
                .orElseThrow();

        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(policies).extracting(p -> p.getMetadata().getName()).containsAll(SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReplicaFoldsIntoAVolumeOfItsOwn(String name) throws Exception {
        for (StatefulSet s : overlay(name).all(StatefulSet.class)) {
            String where = name + "/" + s.getMetadata().getName();
            assertThat(s.getSpec().getVolumeClaimTemplates())
                    .as(where + " claims a volume per replica")
                    .extracting(c -> c.getMetadata().getName())
                    .containsExactly("fold-state");
            Container c = s.getSpec().getTemplate().getSpec().getContainers().get(0);
            String dir = c.getEnv().stream()
                    .filter(e -> e.getName().equals("CUSTODY_PROJECTION_STATE_DIR"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(where + " sets no state dir"))
                    .getValue();
            assertThat(c.getVolumeMounts())
                    .as(where + " mounts the volume where the state dir is")
                    .anyMatch(m ->
                            m.getName().equals("fold-state") && m.getMountPath().equals(dir));
        }
    }

    @Test
    void devRunsOneOfEverythingAndProdSpreadsProtectsAndScalesTheReadPaths() throws Exception {
        var dev = overlay("dev");
        dev.all(StatefulSet.class)
                .forEach(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        dev.custom("KafkaNodePool")
                .forEach(p -> assertThat(Overlay.spec(p).get("replicas")).isEqualTo(1));
        dev.custom("Cluster")
                .forEach(c -> assertThat(Overlay.spec(c).get("instances")).isEqualTo(1));

        var prod = overlay("prod");
        for (String service : List.of("ledger-service", "scan-service")) {
            StatefulSet d = prod.all(StatefulSet.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow();
            assertThat(d.getSpec().getReplicas()).isEqualTo(3);
            assertThat(d.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity())
                    .isNotNull();
            assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .isNotEmpty();
        }
        assertThat(prod.all(PodDisruptionBudget.class))
                .extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("ledger-service", "scan-service");
        assertThat(prod.all(HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("ledger-service", "scan-service");
        var roles = prod.custom("KafkaNodePool").stream()
                .map(p -> Overlay.spec(p).get("roles") + "x" + Overlay.spec(p).get("replicas"))
                .toList();
        assertThat(roles).containsExactlyInAnyOrder("[controller]x3", "[broker]x3");
        prod.custom("Cluster")
                .forEach(c -> assertThat(Overlay.spec(c).get("instances")).isEqualTo(3));
        assertThat(prod.custom("ScheduledBackup")).hasSize(3);
    }

    private static void assertProbe(Probe probe, String path, String where) {
        assertThat(probe).as(where + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(where).isEqualTo(path);
    }

    /** Secret and ConfigMap names the overlay refers to: env, envFrom, volumes, and the backup store's keys. */
    private static Set<String> references(Overlay overlay) {
        var refs = new TreeSet<String>();
        for (StatefulSet d : overlay.all(StatefulSet.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            pod.getVolumes().forEach(v -> {
                if (v.getSecret() != null) {
                    refs.add(v.getSecret().getSecretName());
                }
                if (v.getConfigMap() != null) {
                    refs.add(v.getConfigMap().getName());
                }
            });
            for (Container c : pod.getContainers()) {
                c.getEnvFrom().forEach(e -> {
                    if (e.getConfigMapRef() != null) {
                        refs.add(e.getConfigMapRef().getName());
                    }
                    if (e.getSecretRef() != null) {
                        refs.add(e.getSecretRef().getName());
                    }
                });
                c.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> {
                    if (e.getValueFrom().getSecretKeyRef() != null) {
                        refs.add(e.getValueFrom().getSecretKeyRef().getName());
                    }
                    if (e.getValueFrom().getConfigMapKeyRef() != null) {
                        refs.add(e.getValueFrom().getConfigMapKeyRef().getName());
                    }
                });
            }
        }
        for (GenericKubernetesResource cluster : overlay.custom("Cluster")) {
            var matcher = Pattern.compile("name=([a-z0-9-]+), key=")
                    .matcher(String.valueOf(Overlay.spec(cluster).get("backup")));
            while (matcher.find()) {
                refs.add(matcher.group(1));
            }
        }
        return refs;
    }

    /** The names in backticks in the first column of deploy/README.md's "Secrets" table. */
    private static Set<String> documentedSecrets() throws IOException {
        String readme = Files.readString(Overlay.K8S.getParent().resolve("README.md"));
        int start = readme.indexOf("## Secrets");
        assertThat(start).as("deploy/README.md has a Secrets section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        var names = new HashSet<String>();
        var row = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)`")
                .matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
