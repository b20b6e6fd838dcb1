package dev.custodyledger.scan;

import static dev.custodyledger.scan.ScanLedger.LABEL_KEY;
import static dev.custodyledger.scan.ScanLedger.NEVER_MADE;
import static dev.custodyledger.scan.ScanLedger.ON_SHELF;
import static dev.custodyledger.scan.ScanLedger.RECALLED;
import static dev.custodyledger.scan.ScanLedger.SOLD;
import static dev.custodyledger.scan.ScanLedger.label;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.custodyledger.core.testing.TestLedger;
import dev.custodyledger.testsupport.CustodyInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer page in a real headless Chromium, as a phone would show it, for each verdict a shopper can meet;
 * screenshots go to {@code target/screenshots}. Skipped, saying why, where no chromium is installed, except in
 * CI, where {@code .ci/run} installs Debian's and a missing browser fails the build.
 */
@QuarkusTest
@WithTestResource(value = CustodyInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scan"))
class ConsumerPageTest {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void browser() {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(
                    Files.isExecutable(CHROMIUM),
                    "no chromium at " + CHROMIUM + ": the browser tests are skipped (apt-get install chromium)");
        }
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void eachVerdictShowsItsBannerProductAndJourneyOnAPhone() throws Exception {
        ScanLedger.ensureFolded();
        check("genuine", label(ON_SHELF, "L1", LABEL_KEY), "Genuine product", true);
        check("sold", label(SOLD, "L1", LABEL_KEY), "Genuine product, sold", true);
        check("recalled", label(RECALLED, "L2", LABEL_KEY), "Recalled: do not use", true);
        check("unknown", label(NEVER_MADE, "L1", LABEL_KEY), "Unknown code: likely counterfeit", false);
        check("suspect", label(ON_SHELF, "L1", TestLedger.key("forger")), "Suspicious code", true);
    }

    private void check(String name, String path, String headline, boolean withJourney) throws Exception {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setJavaScriptEnabled(false));
        Page page = context.newPage();
        var response = page.navigate(base.toString().replaceAll("/$", "") + path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headerValue("content-type")).startsWith("text/html");
        assertThat(page.locator("h1").allTextContents()).containsExactly(headline);
        assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        assertThat(page.locator("[role=status]").count()).isEqualTo(1);
        assertThat(page.locator("img:not([alt])").count())
                .as("every image has an alt text")
                .isZero();
        assertThat(page.locator("ol.timeline li").count() > 0).isEqualTo(withJourney);
        if (withJourney) {
            assertThat(page.locator("ol.timeline").innerText()).contains("Made and registered by Party alpen");
        }
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone")
                .isEqualTo(true);
        Path dir = Paths.get(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
        context.close();
    }
}
