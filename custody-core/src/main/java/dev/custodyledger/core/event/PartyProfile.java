package dev.custodyledger.core.event;

import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.Gln;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.util.List;
import java.util.Objects;

/** A party as the operator registers it. {@code gln} and {@code location} are optional. */
public record PartyProfile(
        PartyId id, String name, List<Role> roles, List<CompanyPrefix> companyPrefixes, Gln gln, Location location) {
    public PartyProfile {
        Objects.requireNonNull(id, "id");
        Text.require(name, "name", 200);
        roles = List.copyOf(roles);
        companyPrefixes = List.copyOf(companyPrefixes);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a party needs at least one role");
        }
        if (roles.stream().distinct().count() != roles.size()) {
            throw new IllegalArgumentException("roles repeat");
        }
        if (companyPrefixes.stream().distinct().count() != companyPrefixes.size()) {
            throw new IllegalArgumentException("company prefixes repeat");
        }
        if (companyPrefixes.size() > 50) {
            throw new IllegalArgumentException("more than 50 company prefixes");
        }
    }
}
