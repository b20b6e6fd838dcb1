package dev.custodyledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Canonical bytes are stable under re-parsing and independent of the order in which keys were written. */
class CanonicalJsonProperties {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 1000)
    void canonicalBytesAreAFixedPointOfParsing(@ForAll("json") JsonNode value) {
        byte[] canonical = CanonicalJson.bytes(value);
        assertThat(CanonicalJson.bytes(StrictJson.parse(canonical))).isEqualTo(canonical);
    }

    @Property(tries = 1000)
    void keyOrderDoesNotChangeTheCanonicalBytes(@ForAll("json") JsonNode value, @ForAll long seed) {
        assertThat(CanonicalJson.bytes(shuffled(value, new java.util.Random(seed))))
                .isEqualTo(CanonicalJson.bytes(value));
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return value(3);
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange('\u0000', '\uD7FF')
                .withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(12);
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                text.map(NODES::textNode),
                Arbitraries.longs().between(-(1L << 53), 1L << 53).map(NODES::numberNode),
                Arbitraries.doubles().filter(Double::isFinite).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(text, child).ofMaxSize(4).map(fields -> {
            ObjectNode o = NODES.objectNode();
            fields.forEach(o::set);
            return o;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(1, object));
    }

    private static JsonNode shuffled(JsonNode node, java.util.Random random) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            Collections.shuffle(fields, random);
            ObjectNode o = NODES.objectNode();
            fields.forEach(e -> o.set(e.getKey(), shuffled(e.getValue(), random)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            node.forEach(e -> a.add(shuffled(e, random)));
            return a;
        }
        return node;
    }
}
