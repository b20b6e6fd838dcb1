package dev.custodyledger.config;

import dev.custodyledger.kafka.KafkaAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The services' {@link KafkaAccess} from configuration: {@code kafka.bootstrap.servers} and, when set, the
 * connection's security ({@code kafka.security.protocol}, {@code kafka.ssl.*}, {@code kafka.sasl.*}); each has an
 * environment form (KAFKA_SSL_TRUSTSTORE_LOCATION, …), which is how Kubernetes passes a KafkaUser's certificate.
 */
@ApplicationScoped
public class KafkaAccessConfig {
    static final List<String> SECURITY = List.of(
            "security.protocol",
            "ssl.truststore.location",
            "ssl.truststore.password",
            "ssl.truststore.type",
            "ssl.keystore.location",
            "ssl.keystore.password",
            "ssl.keystore.type",
            "ssl.endpoint.identification.algorithm",
            "sasl.mechanism",
            "sasl.jaas.config");

    @Produces
    @Singleton
    KafkaAccess kafkaAccess(Config config) {
        var settings = new HashMap<String, String>();
        for (String name : SECURITY) {
            config.getOptionalValue("kafka." + name, String.class).ifPresent(value -> settings.put(name, value));
        }
        return new KafkaAccess(config.getValue("kafka.bootstrap.servers", String.class), settings);
    }
}
