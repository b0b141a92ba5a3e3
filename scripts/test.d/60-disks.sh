# Sourced by scripts/test: small disks for the full-disk tests (tests/cli/faults/disk.rs).
# Mounts eight 8 MB tmpfs file systems, one per test so that a test filling its disk to the
# brim runs beside the others, and unmounts them when the tests end. Mounting needs root.
# Exports BOWOUT_TEST_DISKS: <dir>/disk1 … <dir>/disk8, each a file system of its own.
disks_dir="$BOWOUT_TEST_STATE/disks"
for n in $(seq 8); do
  mkdir -p "$disks_dir/disk$n"
  mount -t tmpfs -o size=8m,mode=0755 "bowout-disk$n" "$disks_dir/disk$n" || {
    echo "test: cannot mount a tmpfs at $disks_dir/disk$n: the full-disk tests need root" >&2
    exit 1
  }
  on_exit "umount '$disks_dir/disk$n'"
done
export BOWOUT_TEST_DISKS="$disks_dir"
echo "test: eight 8 MB disks (tmpfs) under $disks_dir" >&2
