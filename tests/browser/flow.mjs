// The web UI in a real browser: Debian's Chromium driven by Playwright, one newcomer's whole
// way through bowout serve. Run by tests/cli/browser.rs (which says where the binary, the
// browser, the npm packages and the SMTP sink are). Every page is checked with axe-core for
// WCAG 2.1 AA at laptop and phone width, and photographed at both widths.
//
// Environment: BOWOUT_BIN, BOWOUT_TEST_CHROMIUM, BOWOUT_TEST_BROWSER_MODULES,
// BOWOUT_TEST_SMTP_PORT, BOWOUT_TEST_SMTP_USER, BOWOUT_TEST_SMTP_PASSWORD,
// BOWOUT_TEST_SMTP_SPOOL, BOWOUT_SCREENSHOTS (the folder the PNGs go to).

import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { randomBytes } from "node:crypto";

const env = (name) => {
  const v = process.env[name];
  if (!v) { throw new Error(`${name} is not set: run the browser tests through ./scripts/test`); }
  return v;
};
const require = createRequire(env("BOWOUT_TEST_BROWSER_MODULES") + "/");
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shots = env("BOWOUT_SCREENSHOTS");
mkdirSync(shots, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "bowout-browser-"));
const home = join(work, "home");
const tag = randomBytes(4).toString("hex");
// The example's own contacts: no other test sends to them, and the messages this run sends
// are told apart from earlier runs' by counting.
const priya = "priya.raman@northwind.example";
const marcus = "marcus.feld@northwind.example";

const LAPTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

let failures = 0;
let passes = 0;
function check(ok, what) {
  if (ok) { passes += 1; console.log(`ok: ${what}`); }
  else { failures += 1; console.log(`FAILED: ${what}`); }
}

// bowout serve on a free port, its first line the URL with the token.
function serve() {
  const child = spawn(env("BOWOUT_BIN"), ["--home", home, "serve", "--addr", "127.0.0.1:0"], {
    env: {
      PATH: process.env.PATH,
      HOME: work,
      BOWOUT_NOW: "2026-11-27T12:00:00Z",
      BOWOUT_AGENDA_TIMEZONE: "UTC",
      BOWOUT_SMTP_PASSWORD: env("BOWOUT_TEST_SMTP_PASSWORD"),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (url) => resolve({ child, url: url.trim() }));
    child.once("exit", (code) => reject(new Error(`bowout serve exited with ${code}`)));
  });
}

const problems = [];
async function a11y(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  check(found.length === 0, `${name}: WCAG 2.1 AA${found.length ? "\n  " + found.join("\n  ") : ""}`);
}

// axe at both widths, and a picture of each.
async function look(page, name) {
  for (const [size, viewport] of [["laptop", LAPTOP], ["phone", PHONE]]) {
    await page.setViewportSize(viewport);
    await a11y(page, `${name} at ${size} width`);
    await page.screenshot({ path: join(shots, `${name}-${size}.png`) });
  }
  await page.setViewportSize(LAPTOP);
  check(problems.length === 0, `${name}: no script error and nothing blocked by the CSP${problems.length ? ": " + problems.join("; ") : ""}`);
  problems.length = 0;
}

function spooled(address) {
  const dir = join(env("BOWOUT_TEST_SMTP_SPOOL"), address.toLowerCase());
  if (!existsSync(dir)) { return []; }
  return readdirSync(dir).filter((f) => f.endsWith(".eml")).sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

const { child, url } = await serve();
const base = url.split("/?token=")[0];
const context = await chromium.launchPersistentContext(join(work, "profile"), {
  executablePath: env("BOWOUT_TEST_CHROMIUM"),
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: LAPTOP,
  acceptDownloads: true,
});
try {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(60000);
  page.on("console", (m) => { if (m.type() === "error") { problems.push(m.text()); } });
  page.on("pageerror", (e) => problems.push(e.message));

  // The first visit: the token becomes a cookie and leaves the address bar.
  await page.goto(url);
  check(page.url() === `${base}/`, `the token is gone from the address bar (${page.url()})`);
  const cookies = await context.cookies(base);
  check(cookies.some((c) => c.httpOnly && c.sameSite === "Strict"), "the token is an HttpOnly, SameSite=Strict cookie");
  check(await page.getByRole("button", { name: "Load the example invitation" }).isVisible(), "an empty store offers the example");
  await look(page, "start");

  // Settings: who signs the messages, and the SMTP server (the test sink).
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Name (signs your messages)").fill("Dana Whitfield");
  await page.getByLabel("Email", { exact: true }).fill("dana@example.net");
  await page.getByLabel("Phone", { exact: true }).fill("+1 555 0100");
  await page.getByLabel("Postal address (for the letter), one line per row").fill("Dana Whitfield\n12 Elm St\nEvanston, IL 60201");
  await page.locator("#identity").getByRole("button", { name: "Save" }).click();
  const smtp = page.locator("#smtp");
  await smtp.getByLabel("Server").fill("127.0.0.1");
  await smtp.getByLabel("Port").fill(env("BOWOUT_TEST_SMTP_PORT"));
  await smtp.getByLabel("Security").selectOption("none");
  await smtp.getByLabel("User name").fill(env("BOWOUT_TEST_SMTP_USER"));
  await smtp.getByRole("button", { name: "Save" }).click();
  await page.locator("#smtp").getByRole("button", { name: "Test the connection" }).click();
  check(await page.getByText("SMTP: connected to 127.0.0.1").isVisible(), "the SMTP test connects and logs in");
  await look(page, "settings");

  // Import a sample .eml (the example, with this run's own addresses).
  const sample = join(work, "invitation.eml");
  writeFileSync(sample, readFileSync(join(root, "examples", "invitation.eml")));
  await page.getByRole("link", { name: "Import" }).click();
  await look(page, "import");
  await page.getByLabel("Mail files").setInputFiles(sample);
  await page.getByRole("button", { name: "Import" }).click();
  await page.waitForURL(/\/import\/[^/]+$/);
  check(await page.getByText("1 invitation(s) recorded or linked").isVisible(), "the import found the invitation");
  await look(page, "imported");
  await page.getByRole("link", { name: /Northwind Traders: Senior Data Analyst/ }).click();
  const invitation = page.url();
  check(/\/invitations\/[a-z0-9]+$/.test(invitation), "the invitation opens");
  await look(page, "invitation");

  // A colleague to refer.
  await page.getByRole("link", { name: "Referrals" }).click();
  await page.getByLabel("Name").fill("Sam Park");
  await page.getByLabel("Personal email").fill("sam.park@fastmail.example");
  await page.getByLabel("How they agreed").fill("phone call");
  await page.getByRole("button", { name: "Add" }).click();
  check(await page.getByRole("cell", { name: "sam.park@fastmail.example" }).isVisible(), "the referral is recorded");
  await look(page, "referrals");

  // The advisor: the advice follows the boxes as they are ticked.
  await page.goto(`${invitation}/advise`);
  const advice = page.locator("#advice");
  check((await advice.innerText()).includes("Advice: Accept"), "with nothing ticked, the advice is to go");
  await page.getByLabel("I accepted an offer and started the new job").check();
  await advice.getByText("Advice: Decline").waitFor();
  check((await advice.innerText()).includes("Reason 1"), "ticking reason 1 turns the advice to decline, with its reason");
  await look(page, "advise");
  await page.getByRole("button", { name: "Record these facts and go on" }).click();
  await page.waitForURL(/\/decline$/);

  // Decline with the referral: one draft per contact.
  await page.getByLabel("I accepted another job").check();
  await page.getByLabel(/Sam Park/).check();
  await look(page, "decline");
  await page.getByRole("button", { name: "Write the drafts" }).click();
  await page.waitForURL(/\/drafts$/);
  const areas = page.locator("textarea");
  check(await areas.count() === 2, "one draft per contact (two)");
  const first = areas.nth(0);
  check((await first.inputValue()).includes("Sam Park"), "the decline names the referral");

  // A lint error, found as it is typed, then fixed by editing.
  const polite = await first.inputValue();
  await first.fill("Honestly, your process was a waste of my time.\n\n" + polite);
  const findings = page.locator("#lint-1");
  await findings.locator(".findings").waitFor();
  check((await findings.innerText()).includes("error"), "the linter flags the rude sentence as it is typed");
  await look(page, "drafts");
  const edited = polite.trimEnd() + "\n\nP.S. I enjoyed our phone screen.\n";
  await first.fill(edited);
  await findings.getByText("The linter found nothing to change.").waitFor();
  check(true, "the linter is satisfied once the sentence is gone");
  await page.getByRole("button", { name: "Save this draft" }).first().click();
  await page.waitForURL(/\/drafts#draft-/);
  check((await page.locator("textarea").first().inputValue()).includes("P.S. I enjoyed our phone screen."),
    "the edited draft is saved");

  // Send, after a confirmation that names every recipient.
  await page.getByRole("link", { name: "Review and send…" }).click();
  const recipients = await page.locator("#recipients").innerText();
  check(recipients.includes(priya) && recipients.includes(marcus), "the confirmation lists every recipient");
  await look(page, "send");
  const before = [spooled(priya).length, spooled(marcus).length];
  await page.getByRole("button", { name: "Send 2 message(s) now" }).click();
  await page.getByRole("heading", { name: /sent$/ }).waitFor();
  const toPriya = spooled(priya).slice(before[0]);
  const toMarcus = spooled(marcus).slice(before[1]);
  check(toPriya.length === 1 && toMarcus.length === 1, "the SMTP server received one message for each contact");
  await look(page, "sent");

  // A reply confirms receipt.
  const messageId = (toPriya[0] || "").match(/^Message-ID:\s*(<[^>]+>)/mi)?.[1] || "<missing>";
  const reply = join(work, "reply.eml");
  writeFileSync(reply, [
    `From: Priya Raman <${priya}>`, "To: Dana Whitfield <dana@example.net>",
    "Date: Fri, 27 Nov 2026 11:00:00 +0000", `Message-ID: <reply.${tag}@mail.northwind.example>`,
    `In-Reply-To: ${messageId}`, `References: ${messageId}`,
    "Subject: Re: Interview invitation for Senior Data Analyst", "Content-Type: text/plain; charset=UTF-8", "",
    "Hi Dana, received, thank you, and best of luck in the new role. Priya", "",
  ].join("\r\n"));
  await page.getByRole("link", { name: "Replies" }).click();
  await page.getByLabel(/Reply messages/).setInputFiles(reply);
  await page.getByRole("button", { name: "Read the replies" }).click();
  await page.getByText("1 confirmed receipt").waitFor();
  check(true, "the reply confirms receipt");
  await look(page, "replies");

  // The follow-up call, logged.
  await page.goto(`${invitation}/call`);
  await look(page, "call");
  await page.getByLabel("Note (optional)").fill("left a short message");
  await page.getByRole("button", { name: "Voicemail" }).click();
  await page.getByText(/voicemail \(left a short message\)/).waitFor();
  check(true, "the call is logged");

  // The letter: the recipient's address, then the PDF download.
  await page.goto(`${invitation}/letter`);
  await page.getByLabel(/Postal address of Priya Raman/).fill("1 Lake St\nChicago, IL 60601");
  await page.getByRole("button", { name: "Save the address" }).click();
  await page.goto(`${invitation}/letter`);
  await look(page, "letter");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the PDF" }).click(),
  ]);
  const pdf = join(work, "letter.pdf");
  await download.saveAs(pdf);
  check(readFileSync(pdf).subarray(0, 5).toString() === "%PDF-", "the letter downloads as a PDF");
  await page.getByLabel("Tracking number").fill("RR123456789US");
  await page.getByRole("button", { name: "Record the mailing" }).click();
  check(await page.getByText("tracking RR123456789US").isVisible(), "the mailing is recorded");

  // What is left: the agenda, and the list.
  await page.getByRole("link", { name: "Agenda" }).click();
  check(await page.getByRole("heading", { name: "Owed today" }).isVisible(), "the agenda has its two sections");
  await look(page, "agenda");
  await page.getByRole("link", { name: "Invitations" }).click();
  await look(page, "invitations");
  await page.goto(invitation);
  await look(page, "invitation-after");
} catch (e) {
  failures += 1;
  console.log(`FAILED: ${e.stack || e}`);
  const page = context.pages()[0];
  if (page) {
    console.log(`at ${page.url()}:\n${(await page.locator("main").innerText().catch(() => "")).slice(0, 2000)}`);
    await page.screenshot({ path: join(shots, "failure.png"), fullPage: true }).catch(() => {});
  }
} finally {
  await context.close();
  child.kill();
  rmSync(work, { recursive: true, force: true });
}
console.log(`browser: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
