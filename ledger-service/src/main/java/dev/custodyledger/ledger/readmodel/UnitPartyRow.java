package dev.custodyledger.ledger.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A party that held or was named for a unit. */
@Entity
@Table(name = "unit_party")
@IdClass(UnitPartyRow.Key.class)
public class UnitPartyRow extends PanacheEntityBase {
    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Id
    @Column(name = "party_id")
    public String partyId;

    public static UnitPartyRow of(String unit, String party) {
        var row = new UnitPartyRow();
        row.unitCode = unit;
        row.partyId = party;
        return row;
    }

    public static class Key implements Serializable {
        public String unitCode;
        public String partyId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(unitCode, k.unitCode) && Objects.equals(partyId, k.partyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitCode, partyId);
        }
    }
}
