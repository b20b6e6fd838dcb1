package dev.custodyledger.bench;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.testing.TestLedger;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Envelope verification as intake does it (strict JSON decode, RFC 8785 canonical bytes, SHA-256 event id,
 * Ed25519 verify), beside BouncyCastle's raw Ed25519 verify of the same bytes: the bound it is compared to.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {
    private byte[] envelope;
    private byte[] canonical;
    private byte[] signature;
    private byte[] publicKeyBytes;
    private Ed25519PublicKey publicKey;
    private Ed25519PrivateKey privateKey;
    private Ed25519.PublicPoint decodedKey;

    @Setup
    public void sign() {
        var ledger = new TestLedger();
        SignedEvent event =
                ledger.handoff("north-dist", "south-dist", UnitCode.parse("01/09506000134352/21/7Q2K9X4MZ3"));
        envelope = event.envelopeBytes();
        canonical = event.canonicalBytes();
        privateKey = ledger.custodyKey("north-dist");
        publicKey = privateKey.publicKey();
        publicKeyBytes = publicKey.encoded();
        signature = privateKey.sign(canonical);
        decodedKey = Ed25519.validatePublicKeyFullExport(publicKeyBytes, 0);
    }

    /** The bound: BouncyCastle's lightweight verify, public key decoded on every call as a plain caller would. */
    @Benchmark
    public boolean rawBouncyCastleVerify() {
        return Ed25519.verify(signature, 0, publicKeyBytes, 0, canonical, 0, canonical.length);
    }

    @Benchmark
    public SignedEvent decodeAndVerifyEnvelope() throws SignatureInvalidException {
        SignedEvent event = SignedEvent.decode(envelope);
        event.verifyWith(publicKey);
        return event;
    }

    /** The strict bound: raw verify with the public key decoded once, as {@code Ed25519PublicKey} does. */
    @Benchmark
    public boolean rawBouncyCastleVerifyDecodedKey() {
        return Ed25519.verify(signature, 0, decodedKey, canonical, 0, canonical.length);
    }

    /** The signing side, for the label-service figures later and as a second bound. */
    @Benchmark
    public byte[] rawSign() {
        return privateKey.sign(canonical);
    }
}
