//! Resolving the domain on the machine tvdr runs on, with the system resolver.
//!
//! Off by default (`--resolve-here`): this machine may not be a client of the site, and
//! an unknown name would be sent to whatever DNS server it is configured with.

use std::net::ToSocketAddrs;
use std::sync::mpsc;
use std::time::Duration;

use super::Answer;

/// The system resolver gets this long; a stuck DNS server must not hold the whole run.
const TIMEOUT: Duration = Duration::from_secs(10);

/// `getaddrinfo` on `domain`, as any program here would do it.
pub fn resolve_here(domain: &str) -> Answer {
    let (tx, rx) = mpsc::channel();
    let name = domain.to_string();
    // Detached: getaddrinfo cannot be cancelled; after a timeout the thread finishes
    // on its own and its answer is dropped.
    std::thread::spawn(move || {
        let _ = tx.send((name.as_str(), 0).to_socket_addrs().map(|it| {
            let mut addresses = Vec::new();
            for a in it {
                let ip = a.ip().to_canonical();
                if !addresses.contains(&ip) {
                    addresses.push(ip);
                }
            }
            addresses
        }));
    });
    match rx.recv_timeout(TIMEOUT) {
        Ok(Ok(addresses)) if !addresses.is_empty() => Answer::Found(addresses),
        Ok(Ok(_)) => Answer::NotFound,
        // std gives getaddrinfo's message; "not known" / "No address" mean no such name.
        Ok(Err(err)) => {
            let text = err.to_string();
            if text.contains("not known")
                || text.contains("No address")
                || text.contains("no address")
            {
                Answer::NotFound
            } else {
                Answer::Failed(format!("the resolver here failed: {text}"))
            }
        }
        Err(_) => Answer::Failed(format!(
            "the resolver here gave no answer in {}s",
            TIMEOUT.as_secs()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `localhost` is in every hosts file: no query leaves the machine.
    #[test]
    fn localhost_resolves_to_loopback() {
        match resolve_here("localhost") {
            Answer::Found(addresses) => {
                assert!(addresses.iter().all(|a| a.is_loopback()), "{addresses:?}")
            }
            other => panic!("{other:?}"),
        }
    }
}
