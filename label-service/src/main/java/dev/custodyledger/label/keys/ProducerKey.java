package dev.custodyledger.label.keys;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A producer's key held by label-service; the private half only ever encrypted. Never leaves the service. */
@Entity
@Table(name = "producer_key")
public class ProducerKey extends PanacheEntityBase {
    @Id
    @Column(name = "key_id")
    public String keyId;

    public String party;

    /** {@code custody} or {@code label}. */
    public String purpose;

    /** base64url of the raw 32-byte public key. */
    @Column(name = "public_key")
    public String publicKey;

    @Column(name = "encrypted_pem")
    public String encryptedPem;

    /** {@code generated} or {@code imported}. */
    public String origin;

    @Column(name = "created_at")
    public Instant createdAt;
}
