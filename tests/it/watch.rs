//! `watch`: the real binary running on a copy of base, changed under it: it rebuilds on a
//! save, prints the findings and keeps the previous outputs on errors, rebuilds once fixed,
//! serves the outputs (and only them) with the reload script in the served page only, and
//! stops on Ctrl-C with the exit code of its last build.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::Project;

/// How long a change may take to show: generous, as the tests share a busy machine.
const PATIENCE: Duration = Duration::from_secs(60);

/// The running `watch`, killed when dropped, so that a failed assertion leaves no process.
struct Watching {
    child: Child,
    stdout: PathBuf,
    stderr: PathBuf,
}

impl Watching {
    fn start(p: &Project, args: &[&str]) -> Watching {
        let stdout = p.tmp().join("watch.stdout");
        let stderr = p.tmp().join("watch.stderr");
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("nko-draft"));
        cmd.current_dir(p.tmp())
            .args(["--lang", "en", "-C", "programme", "watch"])
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&stdout).unwrap())
            .stderr(std::fs::File::create(&stderr).unwrap());
        Watching {
            child: cmd.spawn().expect("nko-draft watch starts"),
            stdout,
            stderr,
        }
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    fn report(&self) -> String {
        format!(
            "--- stdout\n{}\n--- stderr\n{}",
            std::fs::read_to_string(&self.stdout).unwrap_or_default(),
            self.stderr()
        )
    }

    /// Waits until `ready` holds, polling; fails with `what` and the output so far.
    fn until(&self, what: &str, mut ready: impl FnMut() -> bool) {
        let start = Instant::now();
        while !ready() {
            assert!(
                start.elapsed() < PATIENCE,
                "no {what} within {PATIENCE:?}\n{}",
                self.report()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// `GET path` from the server: the status line and the body.
fn get(addr: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(addr).expect("the server answers");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    (
        head.lines().next().unwrap_or("").to_owned(),
        body.to_owned(),
    )
}

#[test]
fn a_save_rebuilds_an_error_keeps_the_outputs_a_fix_rebuilds_and_ctrl_c_stops() {
    let p = Project::base();
    let md = p.root().join("out/programme.md");
    let watch = Watching::start(&p, &[]);
    watch.until("first build", || {
        read(&md).contains("Онлайн-курсы для НКО сельских районов")
    });
    assert!(
        !p.root().join("out/programme.pdf").exists(),
        "only md and html by default"
    );
    assert!(p.root().join("out/programme.html").is_file());

    p.edit(
        "steps/training.yaml",
        "Онлайн-курсы для НКО сельских районов",
        "Онлайн-курсы для НКО всех районов",
    );
    watch.until("rebuild with the new title", || {
        read(&md).contains("Онлайн-курсы для НКО всех районов")
    });
    let rebuilt = read(&md);

    p.edit(
        "steps/training.yaml",
        "  responsible: centre\n",
        "  responsible: centr\n",
    );
    watch.until("finding", || {
        watch.stderr().contains("the previous outputs are kept")
    });
    let stderr = watch.stderr();
    assert!(
        stderr.contains("error: unknown organisation `centr`"),
        "{}",
        watch.report()
    );
    assert!(
        stderr.contains("--> programme/steps/training.yaml:"),
        "{}",
        watch.report()
    );
    assert!(
        stderr.contains("1 error, 0 warnings; the previous outputs are kept"),
        "{}",
        watch.report()
    );
    assert_eq!(read(&md), rebuilt, "an input with errors writes nothing");

    p.edit(
        "steps/training.yaml",
        "  responsible: centr\n",
        "  responsible: centre\n",
    );
    p.edit(
        "steps/training.yaml",
        "Онлайн-курсы для НКО всех районов",
        "Онлайн-курсы для НКО каждого района",
    );
    watch.until("rebuild after the fix", || {
        read(&md).contains("Онлайн-курсы для НКО каждого района")
    });
    let stderr = watch.stderr();
    assert!(stderr.contains("watching programme for changes (Ctrl-C stops)"));
    assert!(stderr.contains("programme/steps/training.yaml changed"));
    assert!(stderr.contains(" ms\n"), "{}", watch.report());
    assert!(
        read(&watch.stdout).contains("wrote programme/out/programme.md ("),
        "{}",
        watch.report()
    );
    stop(watch, 0);
}

/// Ctrl-C (SIGINT) ends the watch between builds, with the exit code of the last build.
#[cfg(unix)]
fn stop(mut watch: Watching, code: i32) {
    let status = Command::new("kill")
        .args(["-INT", &watch.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = watch.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < PATIENCE, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(code), "{}", watch.report());
    assert!(
        watch.stderr().ends_with("stopped watching\n"),
        "{}",
        watch.report()
    );
}

#[cfg(not(unix))]
fn stop(_watch: Watching, _code: i32) {}

#[test]
fn the_served_page_reloads_itself_and_the_written_page_stays_as_build_writes_it() {
    let p = Project::base();
    let watch = Watching::start(&p, &["--serve", "127.0.0.1:0"]);
    // Port 0: the system picks a free port, and the watch says which.
    let mut addr = String::new();
    watch.until("address", || {
        let stderr = watch.stderr();
        let Some(rest) = stderr.split("serving the outputs at http://").nth(1) else {
            return false;
        };
        addr = rest.split('/').next().unwrap_or("").to_owned();
        true
    });
    let html = p.root().join("out/programme.html");
    watch.until("first build", || html.is_file());
    let (status, version) = get(&addr, "/__nko_draft/version");
    assert_eq!(
        (status.as_str(), version.as_str()),
        ("HTTP/1.1 200 OK", "1")
    );

    let (status, page) = get(&addr, "/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(page.contains("<script src=\"/__nko_draft/reload.js\" data-version=\"1\"></script>"));
    assert!(page.contains("script-src 'self'; connect-src 'self'"));
    assert_eq!(get(&addr, "/programme.html").1, page);
    let written = std::fs::read(&html).unwrap();
    let written_text = String::from_utf8(written.clone()).unwrap();
    assert!(!written_text.contains("<script"));
    assert!(!written_text.contains("script-src"));
    // The written page is the one `build` writes, byte for byte.
    let build = p.run(&["build", "--format", "md,html", "--out", "../built"]);
    assert_eq!(build.code, 0, "{}", build.report());
    assert_eq!(
        written,
        std::fs::read(p.tmp().join("built/programme.html")).unwrap()
    );
    let (_, script) = get(&addr, "/__nko_draft/reload.js");
    assert!(script.contains("location.reload()"));
    let (status, md) = get(&addr, "/programme.md");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(md, read(&p.root().join("out/programme.md")));

    // Only the outputs: not the input, not a way out of the folder.
    for path in [
        "/programme.yaml",
        "/../programme.yaml",
        "/out/../programme.yaml",
        "/%2e%2e/programme.yaml",
        "/..%2fprogramme.yaml",
        "/steps/training.yaml",
        "/etc/passwd",
    ] {
        assert_eq!(get(&addr, path).0, "HTTP/1.1 404 Not Found", "{path}");
    }

    // A page elsewhere whose name leads to 127.0.0.1 (DNS rebinding) reads nothing.
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(stream, "GET / HTTP/1.1\r\nHost: evil.example:3000\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 403 Forbidden\r\n"), "{answer}");

    p.edit(
        "steps/training.yaml",
        "Онлайн-курсы для НКО сельских районов",
        "Онлайн-курсы для НКО всех районов",
    );
    watch.until("version 2", || get(&addr, "/__nko_draft/version").1 == "2");
    assert!(
        get(&addr, "/")
            .1
            .contains("Онлайн-курсы для НКО всех районов")
    );
    stop(watch, 0);
}

#[test]
fn an_address_in_use_is_a_failure_before_anything_is_built() {
    let p = Project::base();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let run = p.run(&["--lang", "en", "watch", "--serve", &addr]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr
            .contains(&format!("error: cannot listen on {addr}")),
        "{}",
        run.report()
    );
    assert!(
        run.stderr
            .contains("hint: another program may be using the port")
    );
    assert!(!p.root().join("out").exists());
    let run = p.run(&["--lang", "en", "watch", "--serve", "somewhere"]);
    assert_eq!(run.code, 2, "{}", run.report());
    assert!(
        run.stderr
            .contains("`somewhere` is not an address and port"),
        "{}",
        run.report()
    );
}

#[test]
fn ctrl_c_after_a_build_with_errors_is_exit_code_1_and_nothing_was_written() {
    let p = Project::base();
    p.edit(
        "steps/training.yaml",
        "  responsible: centre\n",
        "  responsible: centr\n",
    );
    let watch = Watching::start(&p, &[]);
    watch.until("finding", || {
        watch.stderr().contains("the previous outputs are kept")
    });
    assert!(!p.root().join("out").exists(), "{}", watch.report());
    stop(watch, 1);
}
