package dev.custodyledger.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/** Creates the system's topics as {@link TopicSpec} says, idempotently, and checks that existing ones match. */
public final class Topics {
    private Topics() {}

    public static void ensure(String bootstrapServers, short replication) {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : TopicSpec.ALL) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), replication).configs(spec.configs()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            verify(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static void verify(Admin admin) throws ExecutionException, InterruptedException {
        for (TopicSpec spec : TopicSpec.ALL) {
            var description = admin.describeTopics(List.of(spec.name()))
                    .allTopicNames()
                    .get()
                    .get(spec.name());
            if (description.partitions().size() != spec.partitions()) {
                throw new IllegalStateException(spec.name() + " has "
                        + description.partitions().size() + " partitions, the design needs " + spec.partitions());
            }
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            for (Map.Entry<String, String> e : spec.configs().entrySet()) {
                String actual = config.get(e.getKey()).value();
                if (!e.getValue().equals(actual)) {
                    throw new IllegalStateException(
                            spec.name() + " has " + e.getKey() + "=" + actual + ", the design needs " + e.getValue());
                }
            }
        }
    }
}
