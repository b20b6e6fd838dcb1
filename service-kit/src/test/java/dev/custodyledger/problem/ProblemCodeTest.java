package dev.custodyledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.core.gs1.Gs1Error;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProblemCodeTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\| (.+) \\|$");

    @Test
    void theApiDocumentsListEveryCodeWithItsOneStatusAndMeaning() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/api.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), m.group(2) + " " + m.group(3));
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (ProblemCode code : ProblemCode.values()) {
            declared.put(code.name(), code.status() + " " + code.meaning());
        }
        assertThat(documented).containsExactlyEntriesOf(declared);
    }

    @Test
    void everyRejectionOfTheFoldAndEveryCodeSyntaxErrorHasAProblemCodeOfItsOwnName() {
        assertThat(Arrays.stream(RejectionCode.values())
                        .map(c -> ProblemCode.of(c).name()))
                .containsExactly(
                        Arrays.stream(RejectionCode.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Arrays.stream(Gs1Error.values()).map(e -> ProblemCode.of(e).name()))
                .containsExactly(Arrays.stream(Gs1Error.values())
                        .map(e -> "BAD_CODE_" + e.name())
                        .toArray(String[]::new));
    }

    @Test
    void aProblemTakesItsStatusFromItsCode() {
        for (ProblemCode code : ProblemCode.values()) {
            Problem p = Problem.of(code, "x");
            assertThat(p.status()).isEqualTo(code.status());
            assertThat(p.type()).endsWith("/" + code.name().toLowerCase().replace('_', '-'));
        }
        assertThat(Problem.of(ProblemCode.IN_TRANSIT, "x").rejected("sha256:aa", 7))
                .extracting(Problem::disposition, Problem::seq)
                .containsExactly(Problem.Disposition.rejected, 7L);
        assertThat(Problem.of(ProblemCode.NOT_CUSTODIAN, "x").refused("sha256:aa"))
                .extracting(Problem::disposition, Problem::seq)
                .containsExactly(Problem.Disposition.refused, null);
    }
}
