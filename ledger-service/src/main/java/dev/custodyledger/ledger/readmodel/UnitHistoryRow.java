package dev.custodyledger.ledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A record that concerns a unit, directly or through a container it was in. */
@Entity
@Table(name = "unit_history")
@IdClass(UnitHistoryRow.Key.class)
public class UnitHistoryRow extends PanacheEntityBase {
    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Id
    public long seq;

    @Column(name = "via_container")
    public boolean viaContainer;

    public static class Key implements Serializable {
        public String unitCode;
        public long seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(unitCode, k.unitCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitCode, seq);
        }
    }
}
