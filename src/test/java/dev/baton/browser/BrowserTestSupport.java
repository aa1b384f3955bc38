package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headless Debian Chromium for the browser tests (apt-get install chromium chromium-driver;
 * .ci/run does it), with the flags this machine needs, waits and screenshots in target/browser/.
 */
abstract class BrowserTestSupport {

    private static final By FORM = By.cssSelector("form.fjs-form, .fjs-form");
    static final Path SHOTS = Path.of("target", "browser");
    private static final String CHROMIUM = System.getProperty("baton.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("baton.chromedriver", "/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        assertThat(Path.of(CHROMIUM)).as("Chromium for the browser test: apt-get install -y chromium chromium-driver").exists();
        assertThat(Path.of(CHROMEDRIVER)).as("ChromeDriver: apt-get install -y chromium-driver").exists();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1440,1000", "--user-data-dir=" + (profile = Files.createTempDirectory("baton-chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) { // a Chromium profile is tens of megabytes; runs left one per test in /tmp
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Logs in to a Camunda webapp (tasklist, cockpit) as a demo user (password = user id). */
    void login(String app, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
        visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Scrolls the element into view first: Cockpit scrolls inside a container, and hidden means not clickable. */
    void click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement present = wait.until(ExpectedConditions.presenceOfElementLocated(by));
                ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", present);
                wait.until(ExpectedConditions.elementToBeClickable(by)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // Tasklist redrew the list (a refresh or the filter counts) between finding and clicking
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    /**
     * Claims the open task once Tasklist has drawn its form: a form drawn after the claim click
     * replaces the one being typed into, and what was typed is lost.
     */
    void claimOpenTask() {
        visible(FORM);
        click(By.xpath("//button[normalize-space()='Claim' or (contains(@class,'claim') and not(contains(@class,'unclaim')))]"));
        visible(By.cssSelector("button.unclaim"));
    }

    /** A Camunda Forms input by its key (Camunda Forms ids end in Field_<Key>). */
    static By formField(String key) {
        return By.cssSelector("[id$='Field_" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "']");
    }

    /**
     * Replaces a form field's value: selects what is there and types over it (a clear() can be
     * undone by the form's own re-render before the typing starts), and types again while the
     * field does not show it: a re-render (after a date picker closes, say) can drop the keys.
     * The field is scrolled to the middle of the view first.
     */
    void fillField(String key, String text) {
        // in the middle of the view, so a screenshot after it shows what was typed
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", visible(formField(key)));
        wait.until(d -> {
            try {
                WebElement field = d.findElement(formField(key));
                if (text.equals(field.getDomProperty("value"))) {
                    return true;
                }
                field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
                return false; // checked again at the next poll, after the form had time to render it
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    /** True when a click at the element's centre reaches it (nothing, such as an error panel, covers it). */
    boolean reachable(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + "return hit === arguments[0] || arguments[0].contains(hit);", element));
    }

    boolean present(By by) {
        return !browser.findElements(by).isEmpty();
    }

    void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Keeps what the browser showed when a step failed. */
    void keepFailure(String name) throws IOException {
        shot(name);
        Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource());
    }
}
