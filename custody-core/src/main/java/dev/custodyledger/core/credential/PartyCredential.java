package dev.custodyledger.core.credential;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * A party credential: a short-lived JWT (RFC 7519, EdDSA per RFC 8037) signed by the operator key, naming the
 * party and its roles. Every service checks it on its own with the operator's public key, without calling
 * another service; revocation is through the registry (a suspended party's credentials stop working there).
 * Time is passed in, never read from a clock. The JOSE work is jose4j's (the library SmallRye JWT builds on).
 */
public record PartyCredential(PartyId party, List<Role> roles, Instant issuedAt, Instant expiresAt, String id) {
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final Duration LEEWAY = Duration.ofSeconds(30);
    private static final String ISSUER = "custody-ledger-operator";
    /** Reads header and claims before any check, to refuse another algorithm or key before verifying. */
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    public PartyCredential {
        roles = List.copyOf(roles);
        if (!expiresAt.isAfter(issuedAt)
                || Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a credential lives between 0 and " + MAX_LIFETIME.toHours() + " hours");
        }
    }

    /** The compact JWS: {@code base64url(header).base64url(claims).base64url(signature)}. */
    public String sign(Ed25519PrivateKey operatorKey) {
        // Header and claims in RFC 8785 key order, so that a token is the same bytes whoever issues it.
        JwtClaims claims = new JwtClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setIssuer(ISSUER);
        claims.setJwtId(id);
        claims.setStringListClaim("roles", roles.stream().map(Role::wire).toList());
        claims.setSubject(party.value());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(operatorKey.keyId().value());
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(KeyPem.jdkPrivateKey(operatorKey));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("the JDK cannot sign Ed25519", e);
        }
    }

    /**
     * Verifies, in this order: size and shape, algorithm (EdDSA only) and key id (the operator's), signature,
     * issuer, lifetime at {@code now}; throws with the reason otherwise.
     */
    public static PartyCredential verify(String token, Ed25519PublicKey operatorKey, Instant now)
            throws CredentialException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new CredentialException("no credential, or one longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        if (token.split("\\.", -1).length != 3) {
            throw new CredentialException("a credential is a compact JWS with three parts");
        }
        JwtContext context;
        try {
            context = UNVERIFIED.process(token);
        } catch (InvalidJwtException e) {
            throw new CredentialException("a credential part is not base64url JSON");
        }
        JsonWebStructure jws = context.getJoseObjects().get(0);
        if (!AlgorithmIdentifiers.EDDSA.equals(jws.getAlgorithmHeaderValue())
                || !operatorKey.keyId().value().equals(jws.getKeyIdHeaderValue())) {
            throw new CredentialException("the credential is not signed EdDSA by the operator key");
        }
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA)
                    .setVerificationKey(KeyPem.jdkPublicKey(operatorKey))
                    .setExpectedIssuer(ISSUER)
                    .setRequireSubject()
                    .setRequireIssuedAt()
                    .setRequireExpirationTime()
                    .setRequireJwtId()
                    .setAllowedClockSkewInSeconds((int) LEEWAY.toSeconds())
                    .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()))
                    .build()
                    .processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new CredentialException(reason(e));
        }
        try {
            if (claims.getIssuedAt().getValue() > now.plus(LEEWAY).getEpochSecond()) {
                throw new CredentialException("the credential has expired or is not valid yet");
            }
            return new PartyCredential(
                    PartyId.of(claims.getSubject()),
                    claims.getStringListClaimValue("roles").stream()
                            .map(Role::fromWire)
                            .toList(),
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    claims.getJwtId());
        } catch (MalformedClaimException | IllegalArgumentException | NullPointerException e) {
            throw new CredentialException("the credential's claims are not valid: " + e.getMessage());
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasErrorCode(ErrorCodes.EXPIRED) || e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "the credential has expired or is not valid yet";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "the credential's signature does not verify";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "the credential was not issued by the operator";
        }
        return "the credential is not valid: a claim is missing or malformed";
    }
}
