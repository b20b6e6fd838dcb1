package dev.custodyledger.core.event;

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
import java.util.Iterator;

/**
 * The signed envelope {@code {"event": {…}, "sig": "<base64url Ed25519>"}}. The signature covers the RFC 8785
 * canonical bytes of {@code event}; the event id is their SHA-256.
 */
public final class SignedEvent {
    /** The largest envelope accepted anywhere: 10,000 unit codes fit with room to spare. */
    public static final int MAX_ENVELOPE_BYTES = 1 << 20;

    private static final int SIGNATURE_LENGTH = 64;

    private final CustodyEvent event;
    private final JsonNode eventJson;
    private final byte[] canonical;
    private final EventId id;
    private final byte[] signature;
    /** The last key the signature verified under; a benign race, like String's hash. */
    private volatile Ed25519PublicKey verifiedUnder;

    private SignedEvent(CustodyEvent event, JsonNode eventJson, byte[] canonical, byte[] signature) {
        this.event = event;
        this.eventJson = eventJson;
        this.canonical = canonical;
        this.id = EventId.ofCanonicalBytes(canonical);
        this.signature = signature;
    }

    /** Signs {@code event} with {@code key}, which must be the key the event's header names. */
    public static SignedEvent sign(CustodyEvent event, Ed25519PrivateKey key) {
        if (!event.header().keyId().equals(key.keyId())) {
            throw new IllegalArgumentException(
                    "the event names key " + event.header().keyId() + " but is signed with " + key.keyId());
        }
        ObjectNode json = EventJson.encode(event);
        byte[] canonical = CanonicalJson.bytes(json);
        return new SignedEvent(event, json, canonical, key.sign(canonical));
    }

    /** Decodes an envelope strictly; the signature is not checked here (that needs the registry). */
    public static SignedEvent decode(byte[] envelope) {
        if (envelope == null || envelope.length > MAX_ENVELOPE_BYTES) {
            throw new MalformedEventException("the envelope is larger than " + MAX_ENVELOPE_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = StrictJson.parse(envelope);
        } catch (JsonFormatException e) {
            throw new MalformedEventException(e.getMessage());
        }
        return decode(root);
    }

    /** Decodes an envelope that was already parsed by {@link StrictJson} (e.g. one element of a batch). */
    public static SignedEvent decode(JsonNode root) {
        byte[] canonical;
        try {
            if (!root.isObject()) {
                throw new MalformedEventException("the envelope must be a JSON object {\"event\":…,\"sig\":…}");
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals("event") && !name.equals("sig")) {
                    throw new MalformedEventException("unknown field '" + name + "' in the envelope");
                }
            }
            JsonNode eventNode = root.get("event");
            if (eventNode == null || !eventNode.isObject()) {
                throw new MalformedEventException("missing field 'event' (an object)");
            }
            canonical = CanonicalJson.bytes(eventNode);
        } catch (JsonFormatException e) {
            throw new MalformedEventException(e.getMessage());
        }
        JsonNode sig = root.get("sig");
        if (sig == null || !sig.isTextual()) {
            throw new MalformedEventException("missing field 'sig' (base64url Ed25519 signature)");
        }
        byte[] signature;
        try {
            signature = Base64Url.decode(sig.textValue());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("'sig' " + e.getMessage());
        }
        if (signature.length != SIGNATURE_LENGTH) {
            throw new MalformedEventException("'sig' must be a 64-byte Ed25519 signature");
        }
        JsonNode eventNode = root.get("event");
        return new SignedEvent(EventJson.decode(eventNode), eventNode, canonical, signature);
    }

    /**
     * Throws unless the signature verifies under {@code key} over the event's canonical bytes. A success is remembered, so that a signature checked
     * ahead of the fold (in parallel, or outside its lock) is not checked again under the same key: the bytes
     * and the key are immutable, so the answer cannot change.
     */
    public void verifyWith(Ed25519PublicKey key) throws SignatureInvalidException {
        if (key.equals(verifiedUnder)) {
            return;
        }
        key.verify(canonical, signature);
        verifiedUnder = key;
    }

    /** Whether the signature verifies under {@code key}, as {@link #verifyWith} decides it. */
    public boolean verifies(Ed25519PublicKey key) {
        try {
            verifyWith(key);
            return true;
        } catch (SignatureInvalidException e) {
            return false;
        }
    }

    public CustodyEvent event() {
        return event;
    }

    public EventId id() {
        return id;
    }

    public byte[] canonicalBytes() {
        return canonical.clone();
    }

    public String signatureBase64Url() {
        return Base64Url.encode(signature);
    }

    /** The envelope as JSON, for APIs that embed it. */
    public ObjectNode envelopeJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("event", eventJson.deepCopy());
        o.put("sig", signatureBase64Url());
        return o;
    }

    /** The canonical envelope bytes: what is appended to the ledger. */
    public byte[] envelopeBytes() {
        return CanonicalJson.bytes(envelopeJson());
    }

    @Override
    public String toString() {
        return event.type() + " " + id;
    }
}
