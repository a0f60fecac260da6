//! The HTML report in a real browser: headless Chromium loads the page and
//! dumps its DOM after the scripts ran. Every finding is there, hostile
//! source text shows as text (no script of its runs), the filters come alive
//! only with JavaScript, and a phone-width viewport needs no horizontal
//! scrolling.
//!
//! Chromium missing: the tests fail when `CI` is set (`.ci/run` installs
//! Debian's `chromium`) and are skipped with a note otherwise.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use claimdiff::model::Report;
use claimdiff::report::{render, Format};

use crate::common::{skip, Scratch};
use crate::formats::{multi_kind_report, tainted};

/// How long one page may take before the browser is killed.
const TIMEOUT: Duration = Duration::from_secs(120);

const SCRIPT: &str = "<script>document.title='pwned'</script>";
const IMG: &str = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

/// The browser to run, or `None` (with a note) when it is missing outside CI.
fn browser() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed, and CI is set: .ci/run installs it (apt-get install chromium)"
        );
        skip("chromium is not installed; the HTML report was not checked in a browser");
    }
    found
}

/// Wait for `child` up to [`TIMEOUT`], killing it past that.
fn wait(mut child: Child, what: &str) -> (String, String) {
    let mut stdout = child.stdout.take().expect("stdout was piped");
    let mut stderr = child.stderr.take().expect("stderr was piped");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let started = Instant::now();
    while child.try_wait().expect("waiting for chromium").is_none() {
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: chromium took longer than {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (out.join().expect("stdout reader"), err.join().expect("stderr reader"))
}

/// Load `page` (a file in `dir`) in headless Chromium and return the DOM as
/// it stands after the page's scripts ran.
fn dump_dom(browser: &str, dir: &Scratch, page: &Path, extra: &[&str]) -> String {
    let profile = dir.join("profile");
    let url = format!("file://{}", page.display());
    let child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg("--dump-dom")
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{browser}: cannot start: {e}"));
    let (dom, stderr) = wait(child, &url);
    assert!(dom.contains("</html>"), "{url}: no DOM dumped; chromium said:\n{stderr}");
    dom
}

/// Render `report` as HTML into a scratch dir and dump it in the browser.
fn rendered_dom(browser: &str, report: &Report) -> String {
    let dir = Scratch::new("html-report");
    let page = dir.write("report.html", render(report, Format::Html, false));
    dump_dom(browser, &dir, &page, &[])
}

#[test]
fn html_report_in_chromium_holds_every_finding() {
    let Some(browser) = browser() else { return };
    let report = multi_kind_report();
    let dom = rendered_dom(browser, &report);
    for f in &report.findings {
        let id = format!("id=\"f-{}\"", f.fingerprint);
        assert!(dom.contains(&id), "no element {id} in the DOM");
        assert!(dom.contains(&format!("data-kind=\"{}\"", f.kind.id())));
    }
    let n = report.findings.len();
    assert!(dom.contains(&format!("{n} of {n} shown")), "the filter script should have run:\n{dom}");
    assert!(!dom.contains("<form class=\"filters\" id=\"filters\" hidden"), "the script reveals the filters");
}

#[test]
fn html_report_in_chromium_shows_hostile_source_text_as_text() {
    let Some(browser) = browser() else { return };
    let report = tainted(&format!(" {SCRIPT} {IMG}"));
    let dom = rendered_dom(browser, &report);
    let body = &dom[dom.find("<body").expect("a body")..];
    let body_tag = &body[..body.find('>').expect("the body tag ends")];
    assert!(!body_tag.contains("data-pwned"), "the injected onerror ran: {body_tag}");
    assert!(dom.contains("<title>claimdiff report</title>"), "the injected script ran (title changed)");
    assert!(!dom.contains("<img"), "an injected element reached the DOM");
    assert_eq!(dom.matches("<script").count(), 1, "only the report's own script");
    assert!(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "the script shows as text");
    assert!(dom.contains("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"&gt;"));
    let n = report.findings.len();
    assert!(dom.contains(&format!("{n} of {n} shown")), "scripts were on, so the check means something");
}

/// A source path and a word longer than a phone's width.
const LONG: &str = "cases/a-very-long-folder-name-that-does-not-fit-on-a-phone-screen-at-all/and-a-file-name-just-as-long.txt";

#[test]
fn html_report_needs_no_horizontal_scroll_at_phone_width() {
    let Some(browser) = browser() else { return };
    let mut report = tainted(&format!(" {}", LONG.replace('/', "")));
    for s in &mut report.sources {
        s.path = LONG.to_string();
    }
    let dir = Scratch::new("html-phone");
    dir.write("report.html", render(&report, Format::Html, false));
    // An iframe 360 CSS pixels wide is the phone's viewport (headless windows
    // have a minimum width); the outer page measures the report's scroll width.
    let outer = dir.write(
        "outer.html",
        "<!doctype html><html><body><iframe id=\"f\" src=\"report.html\" style=\"width:360px;height:800px;border:0\"></iframe>\
         <script>window.addEventListener('load', function () { var d = document.getElementById('f').contentDocument.documentElement; \
         document.body.setAttribute('data-widths', d.scrollWidth + '/' + d.clientWidth); });</script></body></html>",
    );
    let dom = dump_dom(browser, &dir, &outer, &["--allow-file-access-from-files"]);
    let at = dom.find("data-widths=\"").expect("the page measured the report") + "data-widths=\"".len();
    let widths: Vec<u32> =
        dom[at..].split('"').next().unwrap_or("").split('/').filter_map(|n| n.parse().ok()).collect();
    assert!(widths.len() == 2 && widths[1] > 300, "measured {widths:?}");
    assert!(widths[0] <= widths[1], "scroll width {} > viewport {} at phone width", widths[0], widths[1]);
}

#[test]
fn html_report_without_javascript_shows_everything() {
    // Static: what a browser with scripts off renders. The filters are
    // `hidden` until the script reveals them; no finding starts hidden.
    let report = multi_kind_report();
    let html = render(&report, Format::Html, false);
    assert!(html.contains("<form class=\"filters\" id=\"filters\" hidden>"), "filters hidden without JS");
    assert_eq!(html.matches("<article class=\"finding\"").count(), report.findings.len());
    for line in html.lines().filter(|l| l.starts_with("<article")) {
        assert!(!line.contains(" hidden"), "a finding starts hidden: {line}");
    }
    for resource in ["http://", "https://", "src=\"", "<link", "@import", "url("] {
        assert!(!html.contains(resource), "a network resource (`{resource}`) in a self-contained page");
    }
    assert!(html.contains("@media print") && html.contains("name=\"viewport\""));
}

#[test]
fn html_report_escapes_every_source_field() {
    let html = render(&tainted(&format!(" {SCRIPT} {IMG} \"><b>x</b>")), Format::Html, false);
    assert_eq!(html.matches("<script").count(), 1, "only the report's own script");
    assert!(!html.contains("<img") && !html.contains("<b>"), "raw markup from a source");
    assert!(html.contains("&lt;script&gt;"));
}
