//! HTML sources: a page with navigation, ads and a footer around the article
//! yields the same findings as the article's plain text.

use crate::common::{claimdiff, Scratch};

const ARTICLE: [&str; 4] = [
    "MAPUTO, Feb 21 - Mozambican authorities evacuated around 9,000 people from low-lying parts of Beira on Tuesday as the cyclone approached the coast.",
    "\"We would rather move people too early than count the dead afterwards,\" disaster chief Paulo Tembe told reporters.",
    "Forecasters expect winds of up to 180 km an hour when the storm makes landfall on Wednesday.",
    "The government said 40 schools had been turned into shelters.",
];

const OTHER: &str = "Authorities in Mozambique evacuated about 6,000 people from low-lying districts of Beira on Tuesday as the cyclone neared the coast.\n\n\"We would rather move people early than count the dead afterwards,\" disaster chief Paulo Tembe said.\n\nWinds of up to 180 km an hour are expected at landfall on Wednesday.\n";

fn page() -> String {
    let paragraphs: String =
        ARTICLE.iter().map(|p| format!("<p>{}</p>\n", p.replace('"', "&quot;"))).collect();
    format!(
        "<!doctype html><html><head><title>Cyclone nears Beira</title>\
         <meta property=\"article:published_time\" content=\"2024-02-21T08:00:00Z\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> 24 hours of news, 365 days a year</nav>\
         <div class=\"ad\">Subscribe now: 3 months for $1</div>\
         <article><h1>Cyclone nears Beira</h1>\n{paragraphs}</article>\
         <aside class=\"related\">Most read: 10 things to know about 2 storms</aside>\
         <footer>Copyright 2024 Example News. 1 Main Street.</footer></body></html>"
    )
}

fn findings(dir: &Scratch, first: &str) -> Vec<(String, Vec<String>)> {
    let run = claimdiff([
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        dir.join(first).as_os_str(),
        dir.join("other.txt").as_os_str(),
    ]);
    let json = run.json();
    let mut out: Vec<(String, Vec<String>)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let texts = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap().to_string())
                .collect();
            (f["kind"].as_str().unwrap().to_string(), texts)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn html_page_gives_the_same_findings_as_its_plain_text() {
    let s = Scratch::new("html");
    s.write("story.html", page());
    s.write("story.txt", ARTICLE.join("\n\n") + "\n");
    s.write("other.txt", OTHER);
    let from_html = findings(&s, "story.html");
    let from_text = findings(&s, "story.txt");
    assert!(from_html.iter().any(|(k, _)| k == "figure-value"), "{from_html:?}");
    assert_eq!(from_html, from_text);
}

#[test]
fn html_claims_point_into_the_page() {
    let s = Scratch::new("html-lines");
    let html = page();
    s.write("story.html", &html);
    let run = claimdiff([
        "claims".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        s.join("story.html").as_os_str(),
    ]);
    let json = run.json();
    let claims = json["sources"][0]["claims"].as_array().unwrap();
    let fig =
        claims.iter().find(|c| c["text"].as_str().is_some_and(|t| t.contains("9,000"))).expect("the figure");
    let start = fig["start"].as_u64().unwrap() as usize;
    assert!(
        html[start..].starts_with("9,000"),
        "start points at the figure in the page: {:?}",
        &html[start..start + 20]
    );
    let line = fig["line"].as_u64().unwrap() as usize;
    assert!(html.lines().nth(line - 1).unwrap().contains("9,000"));
    // Nothing from the navigation, the ad or the footer is a claim.
    assert!(!claims
        .iter()
        .any(|c| c["text"].as_str().is_some_and(|t| t.contains("365") || t.contains("$1"))));
}
