package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.Sha256;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gln;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical binary form of a {@link CustodyState}. One function writes it, for two uses: the state digest
 * (SHA-256 of these bytes, which two folds of the same log must agree on) and snapshots that a service stores
 * as a checkpoint and restores without replaying the log. Entities are written in order of first appearance
 * in the log; event ids, which have no such order, are written sorted.
 */
public final class StateCodec {
    private static final int MAGIC = 0x43_55_53_54; // "CUST"
    private static final int VERSION = 2;

    private StateCodec() {}

    /** {@code sha256:<hex>} over the canonical state. */
    public static String digest(CustodyState state) {
        MessageDigest sha = Sha256.newDigest();
        try (var out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
            write(state, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "sha256:" + Sha256.hex(sha.digest());
    }

    public static void write(CustodyState s, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(s.anchor.operator().value());
        out.writeUTF(s.anchor.name());
        out.write(s.anchor.key().encoded());
        out.writeLong(s.lastSeq);
        out.writeLong(s.lastOffset);
        out.writeLong(s.lastRecordTime == null ? Long.MIN_VALUE : s.lastRecordTime.toEpochMilli());
        out.writeLong(s.accepted);
        out.writeLong(s.rejected);
        out.write(s.outcomeChain);

        out.writeInt(s.parties.size());
        for (PartyState p : s.parties.values()) {
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
            writeLocation(out, profile.location());
            out.writeLong(p.registeredSeq());
            out.writeLong(p.suspendedSeq());
            writeNullable(out, p.suspensionReason());
        }

        out.writeInt(s.keys.size());
        for (KeyState k : s.keys.values()) {
            out.writeUTF(k.party().value());
            out.write(k.publicKey().encoded());
            out.writeUTF(k.purpose().wire());
            out.writeLong(k.addedSeq());
            out.writeLong(k.revokedSeq());
            writeNullable(out, k.revocationReason());
        }

        out.writeInt(s.lots.size());
        for (LotState lot : s.lots.values()) {
            out.writeUTF(lot.key().gtin().value());
            out.writeUTF(lot.key().lot().value());
            out.writeLong(lot.createdSeq());
            out.writeLong(lot.units());
            out.writeLong(lot.recalledSeq());
            writeNullable(out, lot.recallReason());
        }

        // Products are shared by every unit of a commission; write each once and refer to it by index.
        Map<Product, Integer> products = new IdentityHashMap<>();
        List<Product> productList = new ArrayList<>();
        for (UnitState u : s.units.values()) {
            if (u.product() != null && !products.containsKey(u.product())) {
                products.put(u.product(), productList.size());
                productList.add(u.product());
            }
        }
        out.writeInt(productList.size());
        for (Product product : productList) {
            out.writeInt(product.attributes().size());
            for (var e : product.attributes().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        }

        out.writeInt(s.units.size());
        for (UnitState u : s.units.values()) {
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
                out.writeUTF(u.lot().key().lot().value());
                out.writeUTF(u.expiry().toString());
                out.writeInt(products.get(u.product()));
            }
        }

        List<EventId> ids = new ArrayList<>(s.decisions.keySet());
        ids.sort(Comparator.naturalOrder());
        out.writeInt(ids.size());
        for (EventId id : ids) {
            Decision d = s.decisions.get(id);
            out.write(id.hash());
            out.writeLong(d.seq());
            out.writeLong(d.offset());
            out.writeLong(d.recordMillis());
            writeNullable(out, d.code() == null ? null : d.code().name());
        }
    }

    public static CustodyState read(InputStream input) throws IOException {
        var in = new DataInputStream(input);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a custody state snapshot");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new OtherVersionException(version);
        }
        var anchor = new TrustAnchor(new PartyId(in.readUTF()), in.readUTF(), Ed25519PublicKey.of(in.readNBytes(32)));
        var s = new CustodyState(anchor);
        s.lastSeq = in.readLong();
        s.lastOffset = in.readLong();
        long time = in.readLong();
        s.lastRecordTime = time == Long.MIN_VALUE ? null : Instant.ofEpochMilli(time);
        s.accepted = in.readLong();
        s.rejected = in.readLong();
        s.outcomeChain = in.readNBytes(32);

        for (int i = in.readInt(); i > 0; i--) {
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
            Location location = readLocation(in);
            var party = new PartyState(
                    new PartyProfile(id, name, roles, prefixes, gln == null ? null : new Gln(gln), location),
                    in.readLong());
            long suspended = in.readLong();
            String reason = readNullable(in);
            if (suspended > 0) {
                party.suspend(suspended, reason);
            }
            s.parties.put(id, party);
        }

        for (int i = in.readInt(); i > 0; i--) {
            PartyId party = new PartyId(in.readUTF());
            Ed25519PublicKey key = Ed25519PublicKey.of(in.readNBytes(32));
            var state = new KeyState(party, key, KeyPurpose.fromWire(in.readUTF()), in.readLong());
            long revoked = in.readLong();
            String reason = readNullable(in);
            if (revoked > 0) {
                state.revoke(revoked, reason);
            }
            s.keys.put(key.keyId(), state);
        }

        for (int i = in.readInt(); i > 0; i--) {
            var key = new LotKey(new Gtin(in.readUTF()), new Lot(in.readUTF()));
            var lot = new LotState(key, in.readLong());
            lot.restore(in.readLong(), in.readLong(), readNullable(in));
            s.lots.put(key, lot);
        }

        List<Product> products = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            var attributes = new TreeMap<String, String>();
            for (int a = in.readInt(); a > 0; a--) {
                attributes.put(in.readUTF(), in.readUTF());
            }
            products.add(new Product(attributes));
        }

        for (int i = in.readInt(); i > 0; i--) {
            UnitCode code = UnitCode.parse(in.readUTF());
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
            if (code instanceof ContainerCode) {
                unit = new UnitState(code, created, custodian, null, null, null);
                for (int c = in.readInt(); c > 0; c--) {
                    unit.mutableChildren().add(UnitCode.parse(in.readUTF()));
                }
            } else {
                var lot = s.lots.get(
                        new LotKey(((dev.custodyledger.core.gs1.ItemCode) code).gtin(), new Lot(in.readUTF())));
                LocalDate expiry = LocalDate.parse(in.readUTF());
                unit = new UnitState(code, created, custodian, lot, expiry, products.get(in.readInt()));
            }
            unit.pendingTo = pendingTo == null ? null : new PartyId(pendingTo);
            unit.pendingSeq = pendingSeq;
            unit.parent = parent == null ? null : (ContainerCode) UnitCode.parse(parent);
            unit.status = status;
            unit.statusSeq = statusSeq;
            unit.recalledSeq = recalledSeq;
            unit.recallReason = recallReason;
            unit.lastSeq = lastSeq;
            s.units.put(code, unit);
        }

        for (int i = in.readInt(); i > 0; i--) {
            EventId id = EventId.ofHash(in.readNBytes(32));
            long seq = in.readLong();
            long offset = in.readLong();
            long recordMillis = in.readLong();
            String code = readNullable(in);
            s.decisions.put(
                    id, new Decision(seq, offset, recordMillis, code == null ? null : RejectionCode.valueOf(code)));
        }
        return s;
    }

    /** A snapshot written by another version of the codec: the fold starts from genesis and replays the log. */
    public static final class OtherVersionException extends IOException {
        OtherVersionException(int version) {
            super("a custody state snapshot of version " + version + ", not " + VERSION);
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

    private static void writeLocation(DataOutputStream out, Location location) throws IOException {
        writeNullable(out, location == null ? null : location.city());
        writeNullable(out, location == null ? null : location.country());
    }

    private static Location readLocation(DataInputStream in) throws IOException {
        String city = readNullable(in);
        String country = readNullable(in);
        return city == null ? null : new Location(city, country);
    }
}
