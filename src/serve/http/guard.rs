//! The checks a request passes before anything is looked up: a path that
//! cannot leave the snapshot, and a `Host` and `Origin` naming this
//! machine (no DNS rebinding).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use axum::extract::Request;
use axum::http::header::{HOST, ORIGIN};
use axum::http::StatusCode;

use super::App;

/// A refused request: status and plain-text explanation.
type Refusal = (StatusCode, String);

impl App {
    fn host_allowed(&self, host: &Host) -> bool {
        match host {
            Host::Name(name) => name.eq_ignore_ascii_case("localhost"),
            Host::Ip(ip) => {
                *ip == IpAddr::V4(Ipv4Addr::LOCALHOST)
                    || *ip == IpAddr::V6(Ipv6Addr::LOCALHOST)
                    || *ip == self.interface
                    || self.interface.is_unspecified()
            }
        }
    }

    /// Checks `Host` (and the authority of an absolute-form request
    /// target); returns the port the client addressed.
    pub(super) fn check_host(&self, req: &Request) -> Result<u16, Refusal> {
        let mut values = req.headers().get_all(HOST).iter();
        let (Some(value), None) = (values.next(), values.next()) else {
            return Err((
                StatusCode::BAD_REQUEST,
                "400 Bad Request: exactly one Host header is required.\n".to_owned(),
            ));
        };
        let forbidden = |what: &str| {
            (
                StatusCode::FORBIDDEN,
                format!(
                    "403 Forbidden: {what} is not an address of this machine.\n\n\
                     dossier serve only answers requests addressed to localhost, 127.0.0.1, [::1] \
                     or the address it is bound to ({}), so that web pages on other sites cannot \
                     read your drafts through DNS rebinding.\n\
                     Open http://localhost:{}/ instead.\n",
                    self.interface, self.port
                ),
            )
        };
        let host_str = value.to_str().unwrap_or("");
        let host_port = match parse_authority(host_str) {
            Some((host, port)) if self.host_allowed(&host) => port,
            _ => return Err(forbidden(&format!("Host {host_str:?}"))),
        };
        if let Some(authority) = req.uri().authority() {
            match parse_authority(authority.as_str()) {
                Some((host, _)) if self.host_allowed(&host) => {}
                _ => return Err(forbidden(&format!("{:?}", authority.as_str()))),
            }
        }
        Ok(host_port.unwrap_or(80))
    }

    /// `Origin`, if present, must be `http://<allowed host>[:port]` with the
    /// port the request was addressed to.
    pub(super) fn check_origin(&self, req: &Request, host_port: u16) -> Result<(), Refusal> {
        let mut values = req.headers().get_all(ORIGIN).iter();
        let Some(first) = values.next() else {
            return Ok(());
        };
        let ok = values.next().is_none()
            && first
                .to_str()
                .ok()
                .and_then(|o| o.strip_prefix("http://"))
                .and_then(parse_authority)
                .is_some_and(|(host, port)| {
                    self.host_allowed(&host) && port.unwrap_or(80) == host_port
                });
        if ok {
            Ok(())
        } else {
            Err((
                StatusCode::FORBIDDEN,
                format!(
                    "403 Forbidden: the live-reload stream only serves pages of this server \
                     (Origin {:?} is not http://localhost:{}).\n",
                    first.to_str().unwrap_or("?"),
                    self.port
                ),
            ))
        }
    }
}

/// Percent-decodes a raw request path once, refusing anything that smells
/// of traversal. The snapshot lookup is safe regardless; this is defence in
/// depth and a clear signal.
pub fn decode_path(raw: &str) -> Result<String, &'static str> {
    if !raw.starts_with('/') {
        return Err("the request path must start with /");
    }
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err("percent-encoded path separators (%2F, %5C) are not allowed");
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) else {
                return Err("malformed percent-encoding in path");
            };
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).map_err(|_| "the path is not valid UTF-8")?;
    if path.contains('\\') {
        return Err("backslashes are not allowed in paths");
    }
    if path.contains('\0') {
        return Err("NUL is not allowed in paths");
    }
    if path.split('/').any(|segment| segment == "..") {
        return Err("`..` segments are not allowed in paths");
    }
    Ok(path)
}

/// A `Host` (or `Origin` authority) host part.
#[derive(Debug, PartialEq)]
enum Host {
    Ip(IpAddr),
    Name(String),
}

/// Parses `host[:port]` / `[v6][:port]`. Anything unusual (userinfo, zone
/// ids, bad ports, stray characters) is `None`.
fn parse_authority(s: &str) -> Option<(Host, Option<u16>)> {
    let (host, rest) = if let Some(inner) = s.strip_prefix('[') {
        let (v6, rest) = inner.split_once(']')?;
        (Host::Ip(IpAddr::V6(v6.parse().ok()?)), rest)
    } else {
        let (name, rest) = match s.find(':') {
            Some(at) => s.split_at(at),
            None => (s, ""),
        };
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        {
            return None;
        }
        let host = match name.parse::<Ipv4Addr>() {
            Ok(ip) => Host::Ip(IpAddr::V4(ip)),
            Err(_) => Host::Name(name.to_ascii_lowercase()),
        };
        (host, rest)
    };
    let port = match rest {
        "" | ":" => None,
        _ => {
            let digits = rest.strip_prefix(':')?;
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(digits.parse().ok()?)
        }
    };
    Some((host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_refuses() {
        assert_eq!(decode_path("/a%20b/").unwrap(), "/a b/");
        assert_eq!(decode_path("/caf%C3%A9").unwrap(), "/café");
        for bad in [
            "/../x",
            "/a/..",
            "/%2e%2e/x",
            "/%2E%2E/x",
            "/a%2f..",
            "/a%2F..",
            "/a%5cb",
            "/a\\b",
            "/a%00",
            "/a%zz",
            "/a%4",
            "/%ff",
            "*",
            "",
        ] {
            assert!(decode_path(bad).is_err(), "{bad:?} accepted");
        }
        assert!(decode_path("/a..b/...").is_ok());
    }

    #[test]
    fn parses_authorities() {
        let v4 = |s: &str| Host::Ip(s.parse().unwrap());
        assert_eq!(
            parse_authority("localhost:1111"),
            Some((Host::Name("localhost".into()), Some(1111)))
        );
        assert_eq!(parse_authority("127.0.0.1"), Some((v4("127.0.0.1"), None)));
        assert_eq!(
            parse_authority("[::1]:80"),
            Some((Host::Ip("::1".parse().unwrap()), Some(80)))
        );
        for bad in [
            "",
            ":80",
            "::1",
            "[::1",
            "a:b",
            "a:99999",
            "a:+1",
            "u@localhost",
            "local host",
            "[fe80::1%25eth0]",
        ] {
            assert_eq!(parse_authority(bad), None, "{bad:?}");
        }
    }
}
