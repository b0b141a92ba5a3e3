# Sourced by scripts/test: the browser tests of the web UI (tests/cli/browser.rs runs
# tests/browser/flow.mjs). Debian's Chromium, driven by Playwright (playwright-core from npm,
# which downloads no browser of its own), with axe-core for the WCAG 2.1 AA checks. npm's
# packages are kept in a cache folder between runs, one per version of the lock file. Exports:
#   BOWOUT_TEST_CHROMIUM         the Chromium binary
#   BOWOUT_TEST_BROWSER_MODULES  the node_modules folder holding playwright-core and axe-core
apt_install chromium fonts-dejavu-core
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm

browser_lock_sum=$(sha256sum tests/browser/package-lock.json | cut -c1-16)
browser_cache="${XDG_CACHE_HOME:-$HOME/.cache}/bowout-test/browser-$browser_lock_sum"
if [ ! -d "$browser_cache/node_modules/playwright-core" ]; then
  echo "test: installing playwright-core and axe-core from npm into $browser_cache" >&2
  rm -rf "$browser_cache.tmp"
  mkdir -p "$browser_cache.tmp"
  cp tests/browser/package.json tests/browser/package-lock.json "$browser_cache.tmp/"
  (cd "$browser_cache.tmp" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >&2)
  rm -rf "$browser_cache"
  mv "$browser_cache.tmp" "$browser_cache"
fi
export BOWOUT_TEST_CHROMIUM="$(command -v chromium)"
export BOWOUT_TEST_BROWSER_MODULES="$browser_cache/node_modules"
echo "test: Chromium $("$BOWOUT_TEST_CHROMIUM" --version 2>/dev/null | tr -s ' ' | cut -d' ' -f2) for the browser tests" >&2
