package dev.custodyledger.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One overlay as {@code kubectl kustomize} builds it, parsed into fabric8 objects (custom resources generic). */
record Overlay(String name, List<HasMetadata> resources) {
    static final Path K8S =
            Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();

    static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Overlay build(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "kubectl",
                        "kustomize",
                        K8S.resolve("overlays").resolve(name).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize overlays/" + name + " failed");
        }
        var resources = new ArrayList<HasMetadata>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                resources.add(Serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return new Overlay(name, resources);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals(kind))
                .toList();
    }

    GenericKubernetesResource custom(String kind, String name) {
        return custom(kind).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }
}
