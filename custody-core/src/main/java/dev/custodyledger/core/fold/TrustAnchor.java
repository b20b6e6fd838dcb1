package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.party.PartyId;

/**
 * The operator every service is configured with: its party id and the public key that signs the first
 * registry events on an empty ledger. It exists before the first record (at sequence 0).
 */
public record TrustAnchor(PartyId operator, String name, Ed25519PublicKey key) {}
