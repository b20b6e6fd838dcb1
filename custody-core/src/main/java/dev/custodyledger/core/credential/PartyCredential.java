package dev.custodyledger.core.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.crypto.Base64Url;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.json.CanonicalJson;
import dev.custodyledger.core.json.JsonFormatException;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A party credential: a short-lived JWT (RFC 7519, EdDSA per RFC 8037) signed by the operator key, naming the
 * party and its roles. Every service checks it on its own with the operator's public key, without calling
 * another service; revocation is through the registry (a suspended party's credentials stop working there).
 * Time is passed in, never read from a clock.
 */
public record PartyCredential(PartyId party, List<Role> roles, Instant issuedAt, Instant expiresAt, String id) {
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    public PartyCredential {
        roles = List.copyOf(roles);
        if (!expiresAt.isAfter(issuedAt)
                || Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a credential lives between 0 and " + MAX_LIFETIME.toHours() + " hours");
        }
    }

    /** The compact JWS: {@code base64url(header).base64url(claims).base64url(signature)}. */
    public String sign(Ed25519PrivateKey operatorKey) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("alg", "EdDSA");
        header.put("typ", "JWT");
        header.put("kid", operatorKey.keyId().value());
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("iss", "custody-ledger-operator");
        claims.put("sub", party.value());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", id);
        var roleArray = claims.putArray("roles");
        roles.forEach(r -> roleArray.add(r.wire()));
        String signingInput =
                Base64Url.encode(CanonicalJson.bytes(header)) + "." + Base64Url.encode(CanonicalJson.bytes(claims));
        return signingInput + "."
                + Base64Url.encode(operatorKey.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Verifies signature, algorithm, issuer and validity at {@code now}; throws with the reason otherwise. */
    public static PartyCredential verify(String token, Ed25519PublicKey operatorKey, Instant now)
            throws CredentialException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new CredentialException("no credential, or one longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new CredentialException("a credential is a compact JWS with three parts");
        }
        JsonNode header = json(parts[0]);
        if (!"EdDSA".equals(header.path("alg").asText())
                || !operatorKey.keyId().value().equals(header.path("kid").asText())) {
            throw new CredentialException("the credential is not signed EdDSA by the operator key");
        }
        try {
            operatorKey.verify((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), decode(parts[2]));
        } catch (SignatureInvalidException e) {
            throw new CredentialException("the credential's signature does not verify");
        }
        JsonNode claims = json(parts[1]);
        if (!"custody-ledger-operator".equals(claims.path("iss").asText())) {
            throw new CredentialException("the credential was not issued by the operator");
        }
        try {
            List<Role> roles = new ArrayList<>();
            claims.path("roles").forEach(r -> roles.add(Role.fromWire(r.asText())));
            var credential = new PartyCredential(
                    PartyId.of(claims.path("sub").asText()),
                    roles,
                    Instant.ofEpochSecond(claims.path("iat").asLong()),
                    Instant.ofEpochSecond(claims.path("exp").asLong()),
                    claims.path("jti").asText());
            if (now.isAfter(credential.expiresAt().plus(LEEWAY))
                    || now.isBefore(credential.issuedAt().minus(LEEWAY))) {
                throw new CredentialException("the credential has expired or is not valid yet");
            }
            return credential;
        } catch (IllegalArgumentException e) {
            throw new CredentialException("the credential's claims are not valid: " + e.getMessage());
        }
    }

    private static JsonNode json(String part) throws CredentialException {
        try {
            JsonNode node = StrictJson.parse(decode(part));
            if (!node.isObject()) {
                throw new CredentialException("a credential part is not a JSON object");
            }
            return node;
        } catch (JsonFormatException e) {
            throw new CredentialException("a credential part is not JSON");
        }
    }

    private static byte[] decode(String part) throws CredentialException {
        try {
            return Base64Url.decode(part);
        } catch (IllegalArgumentException e) {
            throw new CredentialException("a credential part is not base64url");
        }
    }
}
