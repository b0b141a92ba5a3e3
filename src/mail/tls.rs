//! TLS for mail servers: rustls with the platform's verifier (the system's trust store), plus
//! the certificate authorities of `ca_file` when the user runs a server with its own CA.

use lettre::transport::smtp::client::{Certificate, TlsParameters};

/// Parameters that verify `host`'s certificate against the system's roots and `ca_file`'s.
pub fn parameters(host: &str, ca_file: Option<&str>) -> Result<TlsParameters, String> {
    let domain = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let mut builder = TlsParameters::builder(domain);
    if let Some(path) = ca_file.map(str::trim).filter(|p| !p.is_empty()) {
        let pem = std::fs::read(path).map_err(|e| format!("cannot read ca_file {path}: {e}"))?;
        // lettre accepts a PEM file without certificates and trusts nothing more.
        if !pem.windows(27).any(|w| w == b"-----BEGIN CERTIFICATE-----") {
            return Err(format!("ca_file {path} holds no PEM certificate"));
        }
        let cert = Certificate::from_pem(&pem)
            .map_err(|e| format!("ca_file {path} holds no usable PEM certificate: {e}"))?;
        builder = builder.add_root_certificate(cert);
    }
    builder
        .build_rustls()
        .map_err(|e| format!("cannot set up TLS for {host}: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn unreadable_or_bogus_ca_files_are_named() {
        let err = super::parameters("smtp.example.net", Some("/nonexistent/ca.pem"))
            .err()
            .expect("refused");
        assert!(
            err.contains("cannot read ca_file /nonexistent/ca.pem"),
            "{err}"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let bogus = dir.path().join("ca.pem");
        std::fs::write(&bogus, "not a certificate").expect("write");
        let bogus = bogus.to_str().expect("utf-8");
        let err = super::parameters("smtp.example.net", Some(bogus))
            .err()
            .expect("refused");
        assert!(err.contains("holds no PEM certificate"), "{err}");
    }
}
