package dev.custodyledger.scan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.custodyledger.core.verdict.LabelCheck;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.core.verdict.Verdict;
import dev.custodyledger.scan.verify.VerifyAnswer.HolderView;
import dev.custodyledger.scan.verify.VerifyAnswer.ProductView;
import dev.custodyledger.scan.verify.VerifyAnswer.ReasonView;
import dev.custodyledger.scan.verify.VerifyAnswer.StepView;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written writer of verify answers says exactly what Jackson's bean serialization of the records says. */
class VerifyAnswerWriterTest {
    /** As Quarkus configures its mapper: java.time types as ISO text. */
    private static final ObjectMapper QUARKUS_LIKE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    /** The same mapper, with the records serialized as beans (the writer switched off by a mix-in). */
    private static final ObjectMapper BEANS = QUARKUS_LIKE.copy().addMixIn(VerifyAnswer.class, AsBean.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonSerialize(using = JsonSerializer.None.class)
    private interface AsBean {}

    @Property(tries = 500)
    void writesWhatBeanSerializationWrites(@ForAll("answers") VerifyAnswer answer) throws Exception {
        assertThat(QUARKUS_LIKE.writeValueAsString(answer)).isEqualTo(BEANS.writeValueAsString(answer));
    }

    @Example
    void theWriterIsTheOneInUseAndWritesAnAbsentReasonCodeAsNull() throws Exception {
        VerifyAnswer unavailable = new VerifyAnswer(
                "01/1/21/x", Verdict.UNAVAILABLE, List.of(new ReasonView(null, "m")), null, null, null, null, null);
        assertThat(QUARKUS_LIKE.writeValueAsString(unavailable))
                .isEqualTo("{\"code\":\"01/1/21/x\",\"verdict\":\"UNAVAILABLE\","
                        + "\"reasons\":[{\"code\":null,\"message\":\"m\"}]}");
    }

    @Provide
    Arbitrary<VerifyAnswer> answers() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.just(null));
        Arbitrary<LocalDate> date = Arbitraries.oneOf(
                Arbitraries.longs().between(-1000, 60_000).map(LocalDate::ofEpochDay), Arbitraries.just(null));
        Arbitrary<ReasonView> reason = Combinators.combine(
                        Arbitraries.oneOf(Arbitraries.of(Reason.class), Arbitraries.just(null)), text)
                .as(ReasonView::new);
        Arbitrary<Map<String, String>> attributes = Arbitraries.oneOf(
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), text)
                        .ofMaxSize(4)
                        .map(LinkedHashMap::new),
                Arbitraries.just(null));
        Arbitrary<ProductView> product = Arbitraries.oneOf(
                Combinators.combine(text, text, text, text, date, attributes).as(ProductView::new),
                Arbitraries.just(null));
        Arbitrary<HolderView> holder = Arbitraries.oneOf(
                Combinators.combine(text, text, text, Arbitraries.of(true, false))
                        .as(HolderView::new),
                Arbitraries.just(null));
        Arbitrary<StepView> step = Combinators.combine(date, text, text, text, text, text, Arbitraries.of(true, false))
                .as(StepView::new);
        Arbitrary<List<StepView>> journey = Arbitraries.oneOf(step.list().ofMaxSize(4), Arbitraries.just(null));
        Arbitrary<List<ReasonView>> reasons = Arbitraries.oneOf(reason.list().ofMaxSize(3), Arbitraries.just(null));
        return Combinators.combine(
                        text,
                        Arbitraries.oneOf(Arbitraries.of(Verdict.class), Arbitraries.just(null)),
                        reasons,
                        product,
                        holder,
                        journey,
                        Arbitraries.oneOf(Arbitraries.of(LabelCheck.class), Arbitraries.just(null)),
                        Arbitraries.oneOf(
                                Arbitraries.longs().between(0, Long.MAX_VALUE).map(Long::valueOf),
                                Arbitraries.just(null)))
                .as(VerifyAnswer::new);
    }
}
