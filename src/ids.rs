//! Record ids: short, random, typeable.

/// Lowercase letters and digits without the easily confused `0 o 1 l i`.
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// A new 12-character id (about 59 bits): collisions are negligible even for a large firm,
/// and a unique prefix of it is accepted wherever an id is asked for.
pub fn new_id() -> String {
    let mut bytes = [0u8; 12];
    if getrandom::fill(&mut bytes).is_err() {
        // The OS random source is unavailable only on broken systems; fall back to the clock
        // and the process id mixed, which is unique enough for one process.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
            ^ u128::from(std::process::id()) << 64;
        bytes.copy_from_slice(&seed.to_le_bytes()[..12]);
    }
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_12_chars_and_distinct() {
        let a = super::new_id();
        let b = super::new_id();
        assert_eq!(a.len(), 12);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
