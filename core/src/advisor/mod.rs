//! Facts → advice with reasons. One small function per rule of DESIGN §1.3.
