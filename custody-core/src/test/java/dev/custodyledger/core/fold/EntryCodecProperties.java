package dev.custodyledger.core.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodyledger.core.party.PartyId;
import java.time.LocalDate;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class EntryCodecProperties {
    private static final Pattern PARTY_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,62}");

    @Property
    void aStoredDateReadsBackAsTheDateWritten(@ForAll @LongRange(min = -1_000_000, max = 3_000_000) long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        assertThat(EntryCodec.date(date.toString())).isEqualTo(date);
    }

    @Property
    void aPartyIdIsAcceptedExactlyWhenItHasTheDocumentedForm(@ForAll @StringLength(max = 70) String text) {
        if (PARTY_ID.matcher(text).matches()) {
            assertThat(PartyId.of(text).value()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> PartyId.of(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void aPartyIdOfItsOwnAlphabetIsAcceptedExactlyWhenItHasTheDocumentedForm(@ForAll("alphabet") String text) {
        aPartyIdIsAcceptedExactlyWhenItHasTheDocumentedForm(text);
    }

    @Provide
    Arbitrary<String> alphabet() {
        return Arbitraries.strings().withChars("az09.-_A").ofMinLength(0).ofMaxLength(66);
    }
}
