//! `claimdiff versions`: a figure's trajectory across versions is one
//! finding, and `--git` reads the versions from a repository's history.

use std::process::Command;

use crate::common::{claimdiff, root, Scratch};

const AYACUCHO: &str = "cases/versions-ayacucho-bus-toll";

#[test]
fn three_versions_give_one_figure_finding_with_the_trajectory() {
    let dir = root().join(AYACUCHO);
    let run = claimdiff([
        "versions".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        dir.join("v1.txt").as_os_str(),
        dir.join("v2.txt").as_os_str(),
        dir.join("v3.txt").as_os_str(),
    ]);
    run.expect_code(1);
    let json = run.json();
    let figures: Vec<&serde_json::Value> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "figure-value").collect();
    assert_eq!(figures.len(), 1, "one trajectory finding: {json:#}");
    let f = figures[0];
    assert_eq!(f["sources"], serde_json::json!(["v1", "v2", "v3"]));
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("at least 12") && message.contains("at least 15"), "{message}");
    assert_eq!(message.matches('→').count(), 2, "{message}");
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let ok = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn versions_are_read_from_git_history() {
    let s = Scratch::new("git-versions");
    git(s.path(), &["init", "-q"]);
    let src = root().join(AYACUCHO);
    for v in ["v1", "v2", "v3"] {
        let text = std::fs::read(src.join(format!("{v}.txt"))).unwrap();
        s.write("story.txt", text);
        git(s.path(), &["add", "story.txt"]);
        git(s.path(), &["commit", "-q", "-m", v]);
    }
    let file = s.join("story.txt");
    let run = claimdiff([
        "versions".as_ref(),
        "--git".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        file.as_os_str(),
    ]);
    run.expect_code(1);
    let json = run.json();
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 3, "three committed versions");
    for s in sources {
        let path = s["path"].as_str().unwrap();
        assert!(path.contains("story.txt@") && path.contains('('), "labelled by hash and date: {path}");
    }
    let figures = json["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "figure-value").count();
    assert_eq!(figures, 1);
    // A range limits the history: the last two versions only.
    let run = claimdiff([
        "versions".as_ref(),
        "--git".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        file.as_os_str(),
        "HEAD~1..HEAD".as_ref(),
    ]);
    let run2 = claimdiff([
        "versions".as_ref(),
        "--git".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        file.as_os_str(),
        "HEAD~2..HEAD".as_ref(),
    ]);
    assert_eq!(run2.json()["sources"].as_array().unwrap().len(), 2);
    // One version is nothing to compare.
    run.expect_code(2);
    assert!(run.stderr.contains("story.txt"), "{}", run.stderr);
}
