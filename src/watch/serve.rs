//! `watch --serve`: a small HTTP/1.1 server (std only, a thread per connection, every response
//! closes its connection) for the outputs of the last build that wrote them, and nothing else:
//! a request names an output by its file name, or `/` for the HTML page; any other path,
//! `..` included, is not found, so nothing outside the outputs can be read. On the loopback
//! address it answers only requests for that address or `localhost` (see [`host_allowed`]).
//!
//! The HTML page as served differs from the written file in two places, both made here at
//! serve time and never written: a script that asks [`VERSION_PATH`] every half second and
//! reloads the page when a rebuild has published new outputs, and the page's
//! Content-Security-Policy, relaxed just enough to run that script and let it ask
//! (`script-src 'self'; connect-src 'self'`). The written page keeps its strict policy and has
//! no script.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::Result;

use crate::error::Failure;
use crate::msg;

/// Where the page asks for the number of the last build.
pub(crate) const VERSION_PATH: &str = "/__nko_draft/version";
/// The reload script.
pub(crate) const SCRIPT_PATH: &str = "/__nko_draft/reload.js";

/// The reload script: the page's build number is in its tag; when the server has a newer one,
/// the page reloads (the browser keeps the scroll position).
const SCRIPT: &str = r#"(function () {
  var me = document.currentScript;
  var seen = me ? me.getAttribute('data-version') : null;
  function poll() {
    fetch('/__nko_draft/version', { cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        setTimeout(poll, 500);
      }, function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 500);
})();
"#;

/// The outputs being served, replaced after each build that wrote them.
#[derive(Debug, Default)]
struct Published {
    /// The number of the build, counted from 1; 0 before the first.
    version: u64,
    /// Each output by its file name.
    files: Vec<(String, PathBuf)>,
}

/// The server: its address and what it serves.
pub(crate) struct Site {
    addr: SocketAddr,
    published: Arc<Mutex<Published>>,
}

impl Site {
    /// Listens on `addr` and serves from a thread of its own until the process ends.
    pub(crate) fn start(addr: SocketAddr) -> Result<Site> {
        let listener = TcpListener::bind(addr).map_err(|e| {
            Failure::hinted(
                msg!(
                    CmdWatchCannotListen,
                    addr = addr.to_string(),
                    why = crate::error::io(&e)
                ),
                msg!(CmdWatchCannotListenHint),
            )
        })?;
        let addr = listener.local_addr().unwrap_or(addr);
        let published = Arc::new(Mutex::new(Published::default()));
        let shared = Arc::clone(&published);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || {
                    // A client that went away is no concern of the watch.
                    let _ = answer(stream, &shared);
                });
            }
        });
        Ok(Site { addr, published })
    }

    /// The address listened on.
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves the files a build wrote from now on, and tells the open pages to reload.
    pub(crate) fn publish(&self, written: &[(PathBuf, usize)]) {
        let mut published = self
            .published
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        published.version += 1;
        published.files = written
            .iter()
            .filter_map(|(path, _)| {
                let name = path.file_name()?.to_str()?.to_owned();
                Some((name, path.clone()))
            })
            .collect();
    }
}

/// A response: status, content type, body.
struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Response {
    fn ok(content_type: &'static str, body: Vec<u8>) -> Self {
        Response {
            status: "200 OK",
            content_type,
            body,
        }
    }

    fn text(status: &'static str, body: &str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
        }
    }
}

/// Reads one request from `stream` and answers it.
fn answer(stream: TcpStream, published: &Mutex<Published>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?).take(16 * 1024);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    // Of the headers only `Host` matters: read them all, to the blank line.
    let mut header = String::new();
    let mut host = None;
    loop {
        header.clear();
        if reader.read_line(&mut header)? == 0 || header.trim_end().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("host")
        {
            host = Some(value.trim().to_owned());
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let local = stream.local_addr()?;
    let response = match method {
        "GET" | "HEAD" if !host_allowed(host.as_deref(), local) => Response::text(
            "403 Forbidden",
            "This server answers only to its own address.\n",
        ),
        "GET" | "HEAD" => respond(target, published),
        _ => Response::text("405 Method Not Allowed", "GET or HEAD only\n"),
    };
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n{}\r\n",
        response.status,
        response.content_type,
        response.body.len(),
        if method == "GET" || method == "HEAD" {
            ""
        } else {
            "Allow: GET, HEAD\r\n"
        },
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// Whether a request that names `host` is for this server. Listening on the loopback address
/// (the default), only a request for that address or `localhost` is answered: a web page
/// elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) must not read the
/// draft through the visitor's browser. An address the user opened to the network answers to
/// any name.
fn host_allowed(host: Option<&str>, local: SocketAddr) -> bool {
    if !local.ip().is_loopback() {
        return true;
    }
    let Some(host) = host else {
        // HTTP/1.0 without `Host`: not from a browser that was sent here by a name.
        return true;
    };
    // The name without its port (`[::1]:3000`, `localhost:3000`).
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The response to `GET target`.
fn respond(target: &str, published: &Mutex<Published>) -> Response {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let (version, files) = {
        let published = published.lock().unwrap_or_else(PoisonError::into_inner);
        (published.version, published.files.clone())
    };
    match path {
        VERSION_PATH => {
            return Response::ok(
                "text/plain; charset=utf-8",
                version.to_string().into_bytes(),
            );
        }
        SCRIPT_PATH => {
            return Response::ok("text/javascript; charset=utf-8", SCRIPT.as_bytes().to_vec());
        }
        _ => {}
    }
    let wanted = if path == "/" {
        files
            .iter()
            .find(|(name, _)| name.ends_with(".html"))
            .map(|(name, _)| name.as_str())
    } else {
        path.strip_prefix('/')
    };
    let Some((name, file)) = wanted.and_then(|w| files.iter().find(|(name, _)| name == w)) else {
        let mut listing = String::from("Not found. Served:\n");
        for (name, _) in &files {
            listing.push_str(&format!("/{name}\n"));
        }
        return Response::text("404 Not Found", &listing);
    };
    let Ok(bytes) = std::fs::read(file) else {
        return Response::text(
            "404 Not Found",
            "The output is gone: it is written again on the next build.\n",
        );
    };
    match name.rsplit('.').next().unwrap_or("") {
        "html" => Response::ok(
            "text/html; charset=utf-8",
            live(&String::from_utf8_lossy(&bytes), version).into_bytes(),
        ),
        "md" => Response::ok("text/markdown; charset=utf-8", bytes),
        "pdf" => Response::ok("application/pdf", bytes),
        "docx" => Response::ok(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            bytes,
        ),
        _ => Response::ok("application/octet-stream", bytes),
    }
}

/// The page as served: the reload script added before `</head>` (or at the end), and the
/// Content-Security-Policy of its meta tag, if it has one, relaxed to let the script run and
/// ask the server.
pub(crate) fn live(page: &str, version: u64) -> String {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" data-version=\"{version}\"></script>\n");
    let mut page = relax_policy(page);
    match page.find("</head>") {
        Some(at) => page.insert_str(at, &tag),
        None => page.push_str(&tag),
    }
    page
}

/// The page with the `content` of its `<meta http-equiv="Content-Security-Policy">` allowing
/// scripts and requests of the server's own origin (every other directive kept).
fn relax_policy(page: &str) -> String {
    const META: &str = "http-equiv=\"Content-Security-Policy\" content=\"";
    let Some(start) = page.find(META).map(|at| at + META.len()) else {
        return page.to_owned();
    };
    let Some(len) = page[start..].find('"') else {
        return page.to_owned();
    };
    let policy = &page[start..start + len];
    let mut directives: Vec<&str> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| {
            let name = d.split_whitespace().next().unwrap_or("");
            !d.is_empty() && name != "script-src" && name != "connect-src"
        })
        .collect();
    directives.extend(["script-src 'self'", "connect-src 'self'"]);
    format!(
        "{}{}{}",
        &page[..start],
        directives.join("; "),
        &page[start + len..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head>\n<meta http-equiv=\"Content-Security-Policy\" \
        content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n</head>\
        <body>x</body></html>\n";

    #[test]
    fn the_served_page_may_run_the_reload_script_and_nothing_else() {
        let live = live(PAGE, 7);
        assert!(live.contains(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
             script-src 'self'; connect-src 'self'\""
        ));
        assert!(live.contains(
            "<script src=\"/__nko_draft/reload.js\" data-version=\"7\"></script>\n</head>"
        ));
        // A policy that named scripts already has them replaced, not doubled.
        let strict = PAGE.replace("img-src data:", "script-src 'none'");
        let live = super::live(&strict, 1);
        assert_eq!(live.matches("script-src").count(), 1, "{live}");
        // A page of the programme's own without a policy or a head still gets the script.
        assert!(super::live("<p>x</p>", 2).ends_with("data-version=\"2\"></script>\n"));
    }

    #[test]
    fn on_loopback_only_requests_for_its_own_address_are_answered() {
        let local: SocketAddr = "127.0.0.1:3000".parse().unwrap();
        for host in [
            "127.0.0.1:3000",
            "localhost:3000",
            "LOCALHOST",
            "[::1]:3000",
            "127.0.0.1",
        ] {
            assert!(host_allowed(Some(host), local), "{host}");
        }
        for host in [
            "evil.example:3000",
            "evil.example",
            "[::2]:3000",
            "10.0.0.1:3000",
        ] {
            assert!(!host_allowed(Some(host), local), "{host}");
        }
        assert!(host_allowed(None, local));
        let open: SocketAddr = "0.0.0.0:3000".parse().unwrap();
        assert!(host_allowed(Some("draft.example:3000"), open));
    }

    fn published(dir: &std::path::Path) -> Mutex<Published> {
        std::fs::write(dir.join("programme.html"), PAGE).unwrap();
        std::fs::write(dir.join("programme.md"), "# x\n").unwrap();
        std::fs::write(dir.join("secret.txt"), "no").unwrap();
        Mutex::new(Published {
            version: 3,
            files: ["programme.html", "programme.md"]
                .iter()
                .map(|n| ((*n).to_owned(), dir.join(n)))
                .collect(),
        })
    }

    #[test]
    fn only_the_outputs_are_served() {
        let dir = tempfile::tempdir().unwrap();
        let published = published(dir.path());
        let page = respond("/", &published);
        assert_eq!(page.status, "200 OK");
        assert!(
            String::from_utf8(page.body)
                .unwrap()
                .contains("data-version=\"3\"")
        );
        let md = respond("/programme.md?x=1", &published);
        assert_eq!((md.status, md.body.as_slice()), ("200 OK", &b"# x\n"[..]));
        assert_eq!(respond(VERSION_PATH, &published).body, b"3");
        for bad in [
            "/secret.txt",
            "/../secret.txt",
            "/./programme.md",
            "/%2e%2e/secret.txt",
            "//etc/passwd",
            "/programme.md/..",
            "programme.md",
        ] {
            assert_eq!(respond(bad, &published).status, "404 Not Found", "{bad}");
        }
    }
}
