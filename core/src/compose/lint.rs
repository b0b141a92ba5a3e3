//! The diplomacy linter: flags what would burn a bridge in a decline.
