package dev.custodyledger.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every client of a service reaches the brokers: the bootstrap servers and the connection's security
 * settings (TLS trust and client certificate, or SASL), applied alike to consumers, producers and admin clients.
 */
public record KafkaAccess(String bootstrapServers, Map<String, String> settings) {
    public KafkaAccess {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        settings = Map.copyOf(settings);
    }

    /** Plaintext, as on the local stack and in tests. */
    public static KafkaAccess plaintext(String bootstrapServers) {
        return new KafkaAccess(bootstrapServers, Map.of());
    }

    /** A fresh property set for one client: the bootstrap servers and the security settings. */
    public Properties properties() {
        var props = new Properties();
        props.putAll(settings);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }
}
