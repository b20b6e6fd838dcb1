package dev.custodyledger.core.event;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.json.CanonicalJson;
import dev.custodyledger.core.json.JsonFormatException;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The event decoder on structurally valid JSON whose fields hold the wrong things: any field of a real event of
 * any type replaced by a value of another shape. It decodes or throws {@link MalformedEventException} with a
 * message that names the field and never a Java type; and what decodes encodes back to the same bytes.
 */
class EventJsonProperties {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final List<SignedEvent> SEEDS = seeds();

    @Property(tries = 2000)
    void aFieldOfAnyShapeDecodesOrIsRefusedByName(@ForAll("edits") Edit edit) {
        ObjectNode envelope = SEEDS.get(edit.seed()).envelopeJson();
        edit.apply(envelope);
        byte[] bytes;
        try {
            bytes = CanonicalJson.bytes(envelope);
        } catch (JsonFormatException unencodable) {
            Assume.that(false); // a lone surrogate has no UTF-8 form: no client could send it
            return;
        }
        try {
            SignedEvent decoded = SignedEvent.decode(bytes);
            assertThat(decoded.envelopeBytes()).isEqualTo(bytes);
        } catch (MalformedEventException refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("dev.custodyledger", "java.", "Exception");
        }
    }

    /** Replace the field at {@code path} (indexes into objects' fields and arrays' items) with {@code value}. */
    record Edit(int seed, List<Integer> path, JsonNode value) {
        void apply(ObjectNode envelope) {
            JsonNode node = envelope.get("event");
            for (int i = 0; i < path.size(); i++) {
                boolean last = i == path.size() - 1;
                if (node instanceof ObjectNode object && object.size() > 0) {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    String name = names.get(path.get(i) % names.size());
                    if (last || !object.get(name).isContainerNode()) {
                        object.set(name, value);
                        return;
                    }
                    node = object.get(name);
                } else if (node instanceof ArrayNode array && array.size() > 0) {
                    int index = path.get(i) % array.size();
                    if (last || !array.get(index).isContainerNode()) {
                        array.set(index, value);
                        return;
                    }
                    node = array.get(index);
                } else {
                    return;
                }
            }
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, SEEDS.size() - 1);
        Arbitrary<List<Integer>> path =
                Arbitraries.integers().between(0, 50).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(seed, path, values()).as(Edit::new);
    }

    private static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80).map(JSON::textNode),
                Arbitraries.strings()
                        .withChars("0123456789/-:TZ.")
                        .ofMaxLength(30)
                        .map(JSON::textNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(JSON::numberNode),
                Arbitraries.of(JSON.nullNode(), JSON.booleanNode(true), JSON.objectNode(), JSON.arrayNode()),
                Arbitraries.strings().ofMaxLength(10).list().ofMaxSize(3).map(items -> {
                    ArrayNode array = JSON.arrayNode();
                    items.forEach(array::add);
                    return array;
                }));
    }

    /** One signed event of every type, as the fold meets them. */
    private static List<SignedEvent> seeds() {
        TestLedger ledger = new TestLedger();
        ItemCode a = item(gtin("9506000", 1), "A1");
        ItemCode b = item(gtin("9506000", 1), "B2");
        ContainerCode box = container("9506000", 7);
        List<SignedEvent> events = new ArrayList<>(ledger.onboard("maker", Role.PRODUCER, "9506000"));
        events.add(ledger.revokeKey("maker", ledger.custodyKey("maker")));
        events.add(ledger.suspend("maker"));
        events.add(ledger.commission("maker", "L1", a, b));
        events.add(ledger.pack("maker", box, a, b));
        events.add(ledger.unpack("maker", box, a));
        events.add(ledger.handoff("maker", "shop", a));
        events.add(ledger.receive("shop", a));
        events.add(ledger.refuse("shop", a));
        events.add(ledger.sell("shop", a));
        events.add(ledger.recallLot("maker", a.gtin(), "L1"));
        events.add(ledger.recallUnits("maker", b));
        events.add(ledger.report("shop", Disposition.values()[0], a));
        return events;
    }
}
