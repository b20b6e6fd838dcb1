package dev.custodyledger.scan.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.core.fold.UnitStatus;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.verdict.LabelCheck;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.core.verdict.ScanSignals;
import dev.custodyledger.core.verdict.UnitFacts;
import dev.custodyledger.core.verdict.Verdict;
import dev.custodyledger.core.verdict.VerdictRules;
import dev.custodyledger.core.verdict.Verification;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.scan.config.ScanConfig;
import dev.custodyledger.scan.verify.VerifyAnswer.HolderView;
import dev.custodyledger.scan.verify.VerifyAnswer.ProductView;
import dev.custodyledger.scan.verify.VerifyAnswer.ReasonView;
import dev.custodyledger.scan.verify.VerifyAnswer.StepView;
import dev.custodyledger.scan.view.JourneyStepRow;
import dev.custodyledger.scan.view.UnitViewRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Answers a verify from the read model: the unit's view and journey from PostgreSQL, the brand's label keys
 * from the fold, the verdict from custody-core's rules. When the read model does not answer in time, the
 * verdict is UNAVAILABLE, never UNKNOWN.
 */
@ApplicationScoped
public class VerifyService {
    /** Resolved once: resolving the type on every verify showed in the profile. */
    private static final ObjectReader ATTRIBUTES =
            new ObjectMapper().readerFor(new TypeReference<Map<String, String>>() {});

    private final ReadModel readModel;
    private final LedgerView fold;
    private final ScanConfig config;
    /** One counter per verdict, registered once: a registry lookup per verify is measurable at thousands/s. */
    private final Map<Verdict, Counter> verdicts = new EnumMap<>(Verdict.class);

    private final Timer latency;

    VerifyService(ReadModel readModel, LedgerView fold, ScanConfig config, MeterRegistry metrics) {
        this.readModel = readModel;
        this.fold = fold;
        this.config = config;
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, metrics.counter("custody.verify.verdicts", "verdict", v.name()));
        }
        this.latency = Timer.builder("custody.verify.latency")
                .description("from request to verdict")
                .publishPercentileHistogram()
                .register(metrics);
    }

    public Uni<VerifyAnswer> verify(ScannedCode code, ScanSignals signals) {
        long start = System.nanoTime();
        return readModel
                .find(code.unit().path())
                .ifNoItem()
                .after(config.verify().timeout())
                .fail()
                .map(lookup -> answer(code, lookup, signals))
                .onFailure()
                .recoverWithItem(e -> {
                    Log.warnf("verify of %s unavailable: %s", code.unit().path(), e.toString());
                    return unavailable(code);
                })
                .invoke(answer -> {
                    latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    verdicts.get(answer.verdict()).increment();
                });
    }

    private VerifyAnswer answer(ScannedCode code, ReadModel.Lookup lookup, ScanSignals signals) {
        UnitViewRow unit = lookup.unit();
        if (unit == null) {
            Verification v = VerdictRules.decide(null, code, LabelCheck.NOT_SIGNED, signals);
            return new VerifyAnswer(
                    code.unit().path(), v.verdict(), ReasonView.of(v.reasons()), null, null, null, null, lookup.seq());
        }
        LabelCheck label = LabelCheck.of(code, labelKeys(unit.brandId()));
        Set<Reason> detected = EnumSet.noneOf(Reason.class);
        detected.addAll(signals.detected());
        detected.addAll(lookup.flags());
        Verification v = VerdictRules.decide(facts(unit), code, label, new ScanSignals(signals.context(), detected));
        return new VerifyAnswer(
                unit.code(),
                v.verdict(),
                ReasonView.of(v.reasons()),
                product(unit),
                new HolderView(unit.custodianName(), unit.custodianCity(), unit.custodianCountry(), unit.inTransit()),
                lookup.journey().stream().map(VerifyService::step).toList(),
                label,
                lookup.seq());
    }

    private static VerifyAnswer unavailable(ScannedCode code) {
        return new VerifyAnswer(
                code.unit().path(),
                Verdict.UNAVAILABLE,
                ReasonView.of(List.of(Reason.LEDGER_UNAVAILABLE)),
                null,
                null,
                null,
                null,
                null);
    }

    /** The brand's label keys as this service folded them; a revoked key no longer vouches for labels. */
    private List<Ed25519PublicKey> labelKeys(String brandId) {
        PartyId brand = PartyId.of(brandId);
        return fold.read(state -> state.keys().stream()
                .filter(k -> k.party().equals(brand) && k.purpose() == KeyPurpose.LABEL && !k.revoked())
                .map(KeyState::publicKey)
                .toList());
    }

    private static UnitFacts facts(UnitViewRow u) {
        return new UnitFacts(
                u.kind().equals("CONTAINER"),
                UnitStatus.valueOf(u.status()),
                u.unitRecalled(),
                u.lotRecalled(),
                u.lot() != null ? Lot.of(u.lot()) : null,
                u.expiry(),
                u.inTransit());
    }

    private static ProductView product(UnitViewRow u) {
        if (u.product() == null) {
            return new ProductView(null, u.brandName(), null, null, null, null);
        }
        Map<String, String> attributes;
        try {
            attributes = ATTRIBUTES.readValue(u.product());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable product data of " + u.code(), e);
        }
        return new ProductView(attributes.get("name"), u.brandName(), u.gtin(), u.lot(), u.expiry(), attributes);
    }

    private static StepView step(JourneyStepRow s) {
        return new StepView(
                s.eventTime().atOffset(ZoneOffset.UTC).toLocalDate(),
                s.step(),
                s.partyName(),
                s.toPartyName(),
                s.city(),
                s.country(),
                s.viaContainer() != null);
    }
}
