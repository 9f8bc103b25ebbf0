//! Transport tests against the lab (real sshd in network namespaces).
