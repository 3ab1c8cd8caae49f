package org.ordinateurssolidaires.deploy.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's browser: Debian's headless Chromium driven by its own chromium-driver (no download: this machine has no
 * internet). Every page it opens is photographed under {@code target/pages/} and checked with axe-core against
 * WCAG 2.1 AA: a violation of serious or critical impact fails the test, naming the rule and the elements.
 */
final class Browser implements AutoCloseable {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("logDirectory", "target"), "pages");

    private final ChromeDriver driver;
    private final String address;
    private final String who;
    private int shots;

    Browser(String address, String who) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        // a French reader's browser: headless Chromium sends the languages of --accept-lang, not of --lang
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=fr-FR", "--accept-lang=fr-FR,fr");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL")); // the console, to read back
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromiumDriver", "/usr/bin/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.address = address;
        this.who = who;
    }

    /** Types on the keyboard where the focus is, as a person without a mouse does (Tab, Enter, text). */
    Browser keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** What has the focus: its id, or its text when it has none. */
    String focused() {
        WebElement element = driver.switchTo().activeElement();
        String id = element.getAttribute("id");
        return id == null || id.isEmpty() ? element.getText() : id;
    }

    /** Waits for the next page after a key that submits or follows a link. */
    Browser awaitNextPageAfter(CharSequence key) {
        return leaveBy(() -> new Actions(driver).sendKeys(key).perform());
    }

    /** A phone's screen, 390 pixels wide. */
    Browser narrow() {
        driver.manage().window().setSize(new Dimension(390, 844));
        return this;
    }

    /** Whether the page scrolls sideways (a table too wide for the screen should scroll in its own box). */
    boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    Browser open(String path) {
        driver.get(address + path);
        return this;
    }

    /** An address that is none of the pages', such as the command side's API descriptions. */
    Browser visit(String url) {
        driver.get(url);
        return this;
    }

    /** How many elements match {@code css} once the page's scripts have drawn at least one. */
    int awaitDrawn(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(
                browser -> browser.findElements(By.cssSelector(css)).isEmpty() ? null
                        : browser.findElements(By.cssSelector(css)).size());
    }

    Browser signIn(String username, String password) {
        open("/login");
        type("username", username);
        type("password", password);
        return leaveBy(driver.findElement(By.cssSelector("main button[type=submit]")));
    }

    Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Adds a field no page has to the form holding {@code id}, as a hand-made request would. */
    Browser smuggle(String id, String name, String value) {
        driver.executeScript("const field = document.createElement('input'); field.type = 'hidden';"
                + " field.name = arguments[1]; field.value = arguments[2]; arguments[0].form.appendChild(field);",
                driver.findElement(By.id(id)), name, value);
        return this;
    }

    /** Sets a field's value as its widget would (a date field, whose typing depends on the browser's language). */
    Browser set(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
        return this;
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    /** What a screen reader says of the field beside its label: the text its {@code aria-describedby} names. */
    String describedBy(String id) {
        String described = driver.findElement(By.id(id)).getAttribute("aria-describedby");
        return described == null ? null : driver.findElement(By.id(described)).getText();
    }

    Browser choose(String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
        return this;
    }

    Browser tick(String id) {
        WebElement box = driver.findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    Browser untick(String id) {
        WebElement box = driver.findElement(By.id(id));
        if (box.isSelected()) {
            box.click();
        }
        return this;
    }

    boolean ticked(String id) {
        return driver.findElement(By.id(id)).isSelected();
    }

    Browser press(String buttonText) {
        return leaveBy(driver.findElement(By.xpath("//main//button[normalize-space()=\"" + buttonText + "\"]")));
    }

    /** Fetches what a link of the page points at, with the browser's own session: a PDF, say. */
    byte[] download(String linkText) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = fetch(driver.findElement(By.linkText(linkText)).getAttribute("href"));
        assertThat(answer.statusCode()).as("GET %s", answer.uri()).isEqualTo(200);
        return answer.body();
    }

    /** The status a page of this address answers this browser's session (the browser itself does not say). */
    int statusOf(String path) throws IOException, InterruptedException {
        return fetch(address + path).statusCode();
    }

    private HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                               .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                                                          .header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends the form that holds the field {@code id}, as it is filled, beside the browser and with its session: a
     * first click whose answer the browser never showed, before the second. Answers the status (a redirection).
     */
    int sendBeside(String id) throws IOException, InterruptedException {
        WebElement form = driver.findElement(By.id(id)).findElement(By.xpath("ancestor::form"));
        String fields = (String) driver.executeScript(
                "return new URLSearchParams(new FormData(arguments[0])).toString();", form);
        String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                               .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(form.getDomProperty("action")))
                                                          .header("Cookie", cookies).header("Accept", "text/html")
                                                          .header("Content-Type", "application/x-www-form-urlencoded")
                                                          .POST(HttpRequest.BodyPublishers.ofString(fields)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    Browser attach(String id, Path file) {
        driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Presses the submit button of the form that holds the field {@code id}. */
    Browser submitFormOf(String id) {
        return leaveBy(driver.findElement(By.id(id)).findElement(By.xpath("ancestor::form//button[@type='submit']")));
    }

    /** Opens the folded part of the page whose summary reads so (a form shown on demand). */
    Browser reveal(String summary) {
        driver.findElement(By.xpath("//main//summary[normalize-space() = \"" + summary + "\"]")).click();
        return this;
    }

    Browser click(String linkText) {
        return leaveBy(driver.findElement(By.linkText(linkText)));
    }

    /** Clicks, then waits for the next page (after a form: the command side's redirection, then the page). */
    private Browser leaveBy(WebElement element) {
        return leaveBy(element::click);
    }

    private Browser leaveBy(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(browser -> gone(page));
        return this;
    }

    /**
     * Whether the page an element was on is gone: a stale element, or, as Chromium sometimes says it for a page just
     * replaced, a node that "does not belong to the document".
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException replacedMeanwhile) {
            if (String.valueOf(replacedMeanwhile.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw replacedMeanwhile;
        }
    }

    /** Waits for the text on the page (a projection follows the command in a moment), reloading meanwhile. */
    Browser awaitText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(300)).until(browser -> {
            if (browser.findElement(By.tagName("main")).getText().contains(text)) {
                return true;
            }
            browser.navigate().refresh();
            return false;
        });
        return this;
    }

    /** Waits for the text to appear by itself: the page fetches its lists again (htmx), it is not reloaded. */
    Browser awaitLive(String text) {
        return awaitInPlace(browser -> browser.findElement(By.tagName("main")).getText().contains(text));
    }

    /** Waits for a tile to show the figure by itself: the page fetches its figures again (htmx). */
    Browser awaitTile(String label, String figure) {
        return awaitInPlace(browser -> tile(label).equals(figure));
    }

    /** Waits for the browser to be taken to the path by itself (no click, no reload of ours). */
    Browser awaitPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(200))
                .until(browser -> path().equals(path));
        return this;
    }

    /** The part htmx swaps in may be replaced while it is read: read again. */
    private Browser awaitInPlace(Function<WebDriver, Boolean> shown) {
        WebElement page = driver.findElement(By.tagName("html"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(shown);
        assertThat(page.isDisplayed()).as("the same page, not another one").isTrue();
        return this;
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** Whether the top of what {@code css} finds is within the window, as the page is now scrolled. */
    boolean inView(String css) {
        return (Boolean) driver.executeScript("const shown = document.querySelector(arguments[0]);"
                + " if (!shown) { return false; }"
                + " const top = shown.getBoundingClientRect().top; return top >= 0 && top < window.innerHeight;", css);
    }

    /** The refusal said above the page, for a form the page no longer offers; empty when none is shown. */
    String pageRefusal() {
        return driver.findElements(By.cssSelector(".refus-de-page")).stream().map(WebElement::getText)
                     .collect(Collectors.joining());
    }

    /** The text of the table row that shows {@code text}: one device of a list, say. */
    String row(String text) {
        return textOf(By.xpath("//main//tr[*[contains(normalize-space(), \"" + text + "\")]]"));
    }

    /** The figure of the dashboard's tile named so. */
    String tile(String label) {
        return textOf(By.xpath("//main//li[contains(@class, 'tuile')][.//span[normalize-space() = \"" + label
                               + "\"]]//span[contains(@class, 'chiffre')]"));
    }

    /**
     * The text of the element found so, found again when the page's live refresh (the dashboard's figures, swapped
     * in place every few seconds) replaced it between finding it and reading it.
     */
    private String textOf(By element) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(element).getText();
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String title() {
        return driver.getTitle();
    }

    /** The headings that name the page's forms (each form is labelled by its heading's id). */
    List<String> formIds() {
        return driver.findElements(By.cssSelector("main form h3[id]")).stream().map(h -> h.getAttribute("id")).toList();
    }

    /** The ids on the page that start so: the forms of one ceremony are named after its id, say. */
    List<String> ids(String prefix) {
        return driver.findElements(By.cssSelector("main [id^='" + prefix + "']")).stream()
                     .map(element -> element.getAttribute("id")).toList();
    }

    List<String> menu() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }

    /** Photographs the page as it is, then checks it with axe-core. */
    Browser look(String name) throws IOException {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("footer")));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(who, ++shots, name)), wholePage());
        assertThat(driver.executeScript("return getComputedStyle(document.querySelector('.bandeau')).backgroundColor;"))
                .as("the style sheet is applied to %s", name).isEqualTo("rgb(18, 60, 99)");
        assertThat(refusedByThePolicy()).as("what the Content-Security-Policy refused on %s", name).isEmpty();
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                                          .analyze(driver);
        List<String> blocking = results.getViolations().stream()
                                       .filter(rule -> BLOCKING.contains(rule.getImpact()))
                                       .map(Browser::describe)
                                       .toList();
        assertThat(blocking).as("accessibility of %s (%s)", name, driver.getCurrentUrl()).isEmpty();
        return this;
    }

    /** What the browser refused to load or run since the last call, as its console says it. */
    List<String> refusedByThePolicy() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                     .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** The page from top to bottom, not only what the window shows (Chromium's DevTools protocol can). */
    private byte[] wholePage() {
        var size = (Map<?, ?>) driver.executeScript("return {width: document.documentElement.scrollWidth,"
                + " height: document.documentElement.scrollHeight};");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"),
                        "height", size.get("height"), "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
