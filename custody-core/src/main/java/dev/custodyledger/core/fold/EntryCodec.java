package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.Sha256;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gln;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The canonical bytes of each entry of the fold's state, one function per kind (documented in
 * {@code docs/protocol.md}, "State entries"). The state commitment hashes them (ADR 27) and a store keeps them as
 * its values, so that what is committed to and what is stored are the same bytes. Strings are Java's modified
 * UTF-8 with a 16-bit length ({@link DataOutputStream#writeUTF}); an absent value is a false byte, a present one
 * a true byte and the value. Every entry begins with a version byte; a reader refuses another.
 */
public final class EntryCodec {
    static final int VERSION = 1;

    private EntryCodec() {}

    /** A problem with stored bytes: corruption at rest, or bytes of another codec version. */
    public static final class CorruptEntryException extends RuntimeException {
        CorruptEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ---- units

    public static byte[] unit(UnitState u) {
        return write(out -> {
            out.writeUTF(u.code().path());
            out.writeLong(u.createdSeq());
            out.writeUTF(u.custodian.value());
            writeNullable(out, u.pendingTo == null ? null : u.pendingTo.value());
            out.writeLong(u.pendingSeq);
            writeNullable(out, u.parent == null ? null : u.parent.path());
            out.writeByte(u.status.ordinal());
            out.writeLong(u.statusSeq);
            out.writeLong(u.recalledSeq);
            writeNullable(out, u.recallReason);
            out.writeLong(u.lastSeq);
            if (u.isContainer()) {
                out.writeInt(u.mutableChildren().size());
                for (UnitCode child : u.mutableChildren()) {
                    out.writeUTF(child.path());
                }
            } else {
                out.writeUTF(u.lotKey().lot().value());
                out.writeUTF(u.expiry().toString());
                out.write(productHash(u.product()));
            }
        });
    }

    /** A date as {@link LocalDate#toString} wrote it; its usual form read without a formatter. */
    static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return LocalDate.of(
                        Integer.parseInt(text, 0, 4, 10),
                        Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // not the usual form after all: the formatter decides
            }
        }
        return LocalDate.parse(text);
    }

    /** A unit from its bytes; {@code products} finds an item's product by {@link #productHash}. */
    public static UnitState unit(byte[] bytes, Function<byte[], Product> products) {
        return unit(bytes, products, null);
    }

    /**
     * As {@link #unit(byte[], Function)} for a unit looked up by its code: the stored code is that one (checked),
     * so it is not parsed again.
     */
    public static UnitState unit(byte[] bytes, Function<byte[], Product> products, UnitCode looked) {
        return read(bytes, "unit", in -> {
            String path = in.readUTF();
            UnitCode code = looked != null && looked.path().equals(path) ? looked : UnitCode.parse(path);
            long created = in.readLong();
            PartyId custodian = new PartyId(in.readUTF());
            String pendingTo = readNullable(in);
            long pendingSeq = in.readLong();
            String parent = readNullable(in);
            UnitStatus status = UnitStatus.values()[in.readByte()];
            long statusSeq = in.readLong();
            long recalledSeq = in.readLong();
            String recallReason = readNullable(in);
            long lastSeq = in.readLong();
            UnitState unit;
            if (code instanceof ItemCode item) {
                var lot = new LotKey(item.gtin(), new Lot(in.readUTF()));
                LocalDate expiry = date(in.readUTF());
                byte[] hash = in.readNBytes(32);
                Product product = products.apply(hash);
                if (product == null) {
                    throw new IOException("the product of " + code + " is not stored");
                }
                unit = new UnitState(code, created, custodian, lot, expiry, product);
            } else {
                unit = new UnitState(code, created, custodian, null, null, null);
                for (int c = in.readInt(); c > 0; c--) {
                    unit.mutableChildren().add(UnitCode.parse(in.readUTF()));
                }
            }
            unit.pendingTo = pendingTo == null ? null : new PartyId(pendingTo);
            unit.pendingSeq = pendingSeq;
            unit.parent = parent == null ? null : (ContainerCode) UnitCode.parse(parent);
            unit.status = status;
            unit.statusSeq = statusSeq;
            unit.recalledSeq = recalledSeq;
            unit.recallReason = recallReason;
            unit.lastSeq = lastSeq;
            return unit;
        });
    }

    // ---- products, shared by every unit of a commission and kept once by their hash

    /**
     * Product hashes by product: every unit of a commission shares one product, and its entry is written on every
     * change of the unit; a ledger has few products, and the map is emptied if it ever holds many.
     */
    private static final Map<Product, byte[]> PRODUCT_HASHES = new ConcurrentHashMap<>();

    /** SHA-256 of the product's canonical JSON: what a unit's entry names it by. */
    public static byte[] productHash(Product product) {
        byte[] hash = PRODUCT_HASHES.get(product);
        if (hash == null) {
            hash = Sha256.hash(product.json().getBytes(StandardCharsets.UTF_8));
            if (PRODUCT_HASHES.size() >= 10_000) {
                PRODUCT_HASHES.clear();
            }
            PRODUCT_HASHES.put(product, hash);
        }
        return hash.clone();
    }

    public static byte[] product(Product product) {
        return write(out -> {
            out.writeInt(product.attributes().size());
            for (var e : product.attributes().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        });
    }

    public static Product product(byte[] bytes) {
        return read(bytes, "product", in -> {
            var attributes = new TreeMap<String, String>();
            for (int a = in.readInt(); a > 0; a--) {
                attributes.put(in.readUTF(), in.readUTF());
            }
            return new Product(attributes);
        });
    }

    // ---- lots, parties, keys

    public static byte[] lot(LotState lot) {
        return write(out -> {
            out.writeUTF(lot.key().gtin().value());
            out.writeUTF(lot.key().lot().value());
            out.writeLong(lot.createdSeq());
            out.writeLong(lot.units());
            out.writeLong(lot.recalledSeq());
            writeNullable(out, lot.recallReason());
        });
    }

    public static LotState lot(byte[] bytes) {
        return read(bytes, "lot", in -> {
            var key = new LotKey(new Gtin(in.readUTF()), new Lot(in.readUTF()));
            return new LotState(key, in.readLong(), in.readLong(), in.readLong(), readNullable(in));
        });
    }

    public static byte[] party(PartyState p) {
        return write(out -> {
            PartyProfile profile = p.profile();
            out.writeUTF(profile.id().value());
            out.writeUTF(profile.name());
            out.writeInt(profile.roles().size());
            for (Role role : profile.roles()) {
                out.writeUTF(role.wire());
            }
            out.writeInt(profile.companyPrefixes().size());
            for (CompanyPrefix prefix : profile.companyPrefixes()) {
                out.writeUTF(prefix.value());
            }
            writeNullable(out, profile.gln() == null ? null : profile.gln().value());
            Location location = profile.location();
            writeNullable(out, location == null ? null : location.city());
            writeNullable(out, location == null ? null : location.country());
            out.writeLong(p.registeredSeq());
            out.writeLong(p.suspendedSeq());
            writeNullable(out, p.suspensionReason());
        });
    }

    public static PartyState party(byte[] bytes) {
        return read(bytes, "party", in -> {
            PartyId id = new PartyId(in.readUTF());
            String name = in.readUTF();
            List<Role> roles = new ArrayList<>();
            for (int r = in.readInt(); r > 0; r--) {
                roles.add(Role.fromWire(in.readUTF()));
            }
            List<CompanyPrefix> prefixes = new ArrayList<>();
            for (int c = in.readInt(); c > 0; c--) {
                prefixes.add(new CompanyPrefix(in.readUTF()));
            }
            String gln = readNullable(in);
            String city = readNullable(in);
            String country = readNullable(in);
            var profile = new PartyProfile(
                    id,
                    name,
                    roles,
                    prefixes,
                    gln == null ? null : new Gln(gln),
                    city == null ? null : new Location(city, country));
            return new PartyState(profile, in.readLong(), in.readLong(), readNullable(in));
        });
    }

    public static byte[] key(KeyState k) {
        return write(out -> {
            out.writeUTF(k.party().value());
            out.write(k.publicKey().encoded());
            out.writeUTF(k.purpose().wire());
            out.writeLong(k.addedSeq());
            out.writeLong(k.revokedSeq());
            writeNullable(out, k.revocationReason());
        });
    }

    public static KeyState key(byte[] bytes) {
        return read(
                bytes,
                "key",
                in -> new KeyState(
                        new PartyId(in.readUTF()),
                        Ed25519PublicKey.of(in.readNBytes(32)),
                        KeyPurpose.fromWire(in.readUTF()),
                        in.readLong(),
                        in.readLong(),
                        readNullable(in)));
    }

    // ---- the event-id index and the position

    public static byte[] decision(Decision d) {
        return write(out -> {
            out.writeLong(d.seq());
            out.writeLong(d.offset());
            out.writeLong(d.recordMillis());
            writeNullable(out, d.code() == null ? null : d.code().name());
        });
    }

    public static Decision decision(byte[] bytes) {
        return read(bytes, "decision", in -> {
            long seq = in.readLong();
            long offset = in.readLong();
            long millis = in.readLong();
            String code = readNullable(in);
            return new Decision(seq, offset, millis, code == null ? null : RejectionCode.valueOf(code));
        });
    }

    public static byte[] position(FoldPosition p) {
        return write(out -> {
            out.writeLong(p.seq());
            out.writeLong(p.offset());
            out.writeLong(p.recordMillis());
            out.writeLong(p.accepted());
            out.writeLong(p.rejected());
            out.writeLong(p.units());
            out.write(p.commitment());
        });
    }

    public static FoldPosition position(byte[] bytes) {
        return read(
                bytes,
                "position",
                in -> new FoldPosition(
                        in.readLong(),
                        in.readLong(),
                        in.readLong(),
                        in.readLong(),
                        in.readLong(),
                        in.readLong(),
                        in.readNBytes(32)));
    }

    // ---- the frame

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        var bytes = new ByteArrayOutputStream(128);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, String kind, Reader<T> reader) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("version " + version + ", not " + VERSION);
            }
            T value = reader.read(in);
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes left over");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new CorruptEntryException("a stored " + kind + " does not decode: " + e.getMessage(), e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
