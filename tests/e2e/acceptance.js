#!/usr/bin/env node
// Acceptance run of a built congkhai site in a real browser.
//
//   node acceptance.js --site DIR --base-path /cong-khai/ --shots DIR
//
// Serves DIR on 127.0.0.1 (a free port) under the base path, then checks:
//   page     every HTML page loads with status 200, every request it makes
//            succeeds (status < 400) and goes to 127.0.0.1 only
//   console  no console error and no uncaught exception on the page
//   axe      no axe-core violation of WCAG 2.1 A/AA (wcag2a, wcag2aa,
//            wcag21a, wcag21aa)
//   links    every same-site link and resource named on the page answers 200
//            through the server (proves the site works below the sub-path)
//   phone    at 390 px the page does not scroll sideways (wide tables must
//            scroll inside their own container)
//   vnu      every HTML file has zero errors in the W3C Nu checker
//   xml      every .svg and .xml file is well-formed XML; every .json parses
//   nojs     with JavaScript disabled the key pages show their figures
//   404      a missing address answers 404 with the site's 404 page, styled
//   first    the headline figure of the home page and of the province's page
//            is within the first screen at 390 × 844
//   search   the header's box finds "khoai chau" (no diacritics) under the
//            sub-path, by keyboard, its result link answers 200, and it
//            fetched less than 300 KB; common words narrow a query
//            ("ubnd xã khoái châu") and alone ask for more ("xã")
//   chartpx  chart text as displayed: 12–16 px at 390 px wide, at most 18 px
//            at 1280 px
//   shot     screenshots of every page kind at 390 px and 1280 px, and of
//            the province's page as printed
// and ends with the line `N passed, M failed`; exit status 1 on any failure.
//
// No rule is switched off. If one ever has to be, do it here with the reason
// written next to it.
'use strict';

const fs = require('fs');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');
const { XMLValidator } = require('fast-xml-parser');

// ---------------------------------------------------------------- settings --

function parseArgs(argv) {
  const out = {
    site: null,
    basePath: '/cong-khai/',
    shots: path.resolve(__dirname, '../../target/e2e'),
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    java: process.env.JAVA || 'java',
    concurrency: Number(process.env.E2E_TABS || 4),
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--site') out.site = path.resolve(v());
    else if (a === '--base-path') out.basePath = v();
    else if (a === '--shots') out.shots = path.resolve(v());
    else if (a === '--chromium') out.chromium = v();
    else if (a === '--tabs') out.concurrency = Number(v());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!out.site) throw new Error('--site DIR is required');
  if (!out.basePath.startsWith('/')) out.basePath = '/' + out.basePath;
  if (!out.basePath.endsWith('/')) out.basePath += '/';
  return out;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

// The four pages a citizen is most likely to land on, with figures that
// must be readable without JavaScript.
const KEY_PAGES = [
  { name: 'home', path: '', figures: ['73,04', '28/63', 'Tăng 18,02 điểm'] },
  // The month links to its appendix tables, published once on the dispatch's page.
  { name: 'thang-2023-10', path: 'thang/2023-10/', figures: ['Chưa hoàn thành', 'Sở Tư pháp'] },
  { name: 'van-ban-2023-10-vpub', path: 'van-ban/2023-10-vpub/', figures: ['44,6%', '21,86%', 'Chưa hoàn thành'] },
  { name: 'don-vi-so-tu-phap', path: 'don-vi/so-tu-phap/', figures: ['44,6', '5,63', 'Chưa đạt'] },
  { name: 'don-vi-hung-yen', path: 'don-vi/hung-yen/', figures: ['73,04', 'Hạng 28/63', 'Hạng giảm 8 bậc'] },
  { name: 'don-vi-khoai-chau', path: 'don-vi/khoai-chau/', figures: ['93,5%', 'Thứ 9/10 huyện, thị xã, thành phố'] },
  { name: 'van-ban-2023-02-vpub', path: 'van-ban/2023-02-vpub/', figures: ['55,02', '20/63'] },
  { name: 'chi-so-ty-le-thanh-toan', path: 'chi-so/ty-le-thanh-toan-truc-tuyen/', figures: ['0%', 'Không áp dụng'] },
  { name: 'du-lieu', path: 'du-lieu/', figures: ['CC BY 4.0', 'KB'] },
  { name: 'don-vi', path: 'don-vi/', figures: ['Khoái Châu'] },
  { name: 'van-ban', path: 'van-ban/', figures: ['Công văn (không ghi số), tháng 11/2023'] },
];

// Pages whose headline figure must be in the first phone screen.
const FIRST_SCREEN = [
  { path: '', figure: '73,04' },
  { path: 'don-vi/hung-yen/', figure: '73,04' },
];

// Pages with charts whose text is measured as displayed.
const CHART_PAGES = ['don-vi/hung-yen/', 'chi-so/ty-le-thanh-toan-truc-tuyen/', 'don-vi/so-tu-phap/'];

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

// ------------------------------------------------------------------ checks --

const results = [];

const phaseStart = Date.now();
let lastPhase = phaseStart;
function phase(name) {
  const now = Date.now();
  console.log(`-- ${name} (${((now - lastPhase) / 1000).toFixed(1)} s)`);
  lastPhase = now;
}

function record(kind, subject, problems) {
  const ok = problems.length === 0;
  results.push({ kind, subject, ok, problems });
  const head = `${ok ? 'ok  ' : 'FAIL'} ${kind.padEnd(7)} ${subject}`;
  if (ok) {
    console.log(head);
  } else {
    console.log(head);
    const shown = problems.slice(0, 20);
    for (const p of shown) console.log(`       - ${p}`);
    if (problems.length > shown.length) console.log(`       … and ${problems.length - shown.length} more`);
  }
}

// ------------------------------------------------------------------ server --

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

// Map /base/<path> to a file of the site; directory → index.html; anything
// else (including every address outside the base path) → 404 with 404.html.
function startServer(root, basePath) {
  const notFound = path.join(root, '404.html');
  const server = http.createServer((req, res) => {
    const send = (status, file, extra = {}) => {
      const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...extra };
      if (!file) {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
        res.end(status === 404 ? 'Not found' : String(status));
        return;
      }
      const body = fs.readFileSync(file);
      res.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': body.length, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const send404 = () => send(404, fs.existsSync(notFound) ? notFound : null);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, null, { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      send404();
      return;
    }
    if (pathname + '/' === basePath) {
      send(301, null, { Location: basePath });
      return;
    }
    if (!pathname.startsWith(basePath) || pathname.includes('\0')) {
      send404();
      return;
    }
    const rel = pathname.slice(basePath.length);
    if (rel.split('/').some((seg) => seg === '..' || seg === '.')) {
      send404();
      return;
    }
    let file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      send404();
      return;
    }
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      send404();
      return;
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        // Relative links need the trailing slash, as on any static host.
        send(301, null, { Location: pathname + '/' });
        return;
      }
      file = path.join(file, 'index.html');
      if (!fs.existsSync(file)) {
        send404();
        return;
      }
    }
    send(200, file);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ------------------------------------------------------------------- files --

function walk(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

// `don-vi/x/index.html` → `don-vi/x/`; `404.html` → `404.html`.
function urlPathOf(rel) {
  if (rel === 'index.html') return '';
  if (rel.endsWith('/index.html')) return rel.slice(0, -'index.html'.length);
  return rel;
}

// ------------------------------------------------------------------- vnu ---

function runVnu(java, files) {
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  return new Promise((resolve) => {
    // One JVM for all files. --errors-only: warnings are advice, not failures.
    const args = ['-Xss4m', '-jar', jar, '--errors-only', '--format', 'json', ...files];
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve({ error: `cannot run ${java}: ${e.message}` }));
    child.on('close', (code) => {
      // The JSON report goes to stderr.
      const text = err.trim() || out.trim();
      try {
        resolve({ report: JSON.parse(text), code });
      } catch {
        resolve({ error: `vnu exited ${code} without a JSON report: ${text.slice(0, 2000)}` });
      }
    });
  });
}

// ----------------------------------------------------------------- browser --

function isLocal(url, origin) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const u = new URL(url);
    return u.origin === origin;
  } catch {
    return false;
  }
}

// A tab that can visit pages one after another and report what it saw.
async function openTab(browser, origin, opts = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled !== false,
    viewport: opts.viewport || { width: 1280, height: 800 },
    serviceWorkers: 'block',
    locale: 'vi-VN',
  });
  const state = { log: null, allowNav: null, inflight: new Set(), seen: 0 };
  // Nothing may leave 127.0.0.1: every other host is recorded and refused.
  await context.route(
    (url) => !isLocal(url.href, origin),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  page.on('console', (msg) => {
    if (state.log && msg.type() === 'error') {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      state.log.console.push(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (e) => {
    if (state.log) state.log.console.push(`uncaught: ${e.message}`);
  });
  page.on('request', (req) => {
    state.inflight.add(req);
    state.seen++;
  });
  page.on('requestfinished', (req) => state.inflight.delete(req));
  page.on('requestfailed', (req) => state.inflight.delete(req));
  page.on('request', (req) => {
    if (state.log && !isLocal(req.url(), origin) && !state.log.foreign.includes(`${req.method()} ${req.url()}`)) {
      state.log.foreign.push(`${req.method()} ${req.url()}`);
    }
  });
  page.on('requestfailed', (req) => {
    if (!state.log) return;
    const f = req.failure();
    const reason = f ? f.errorText : 'failed';
    // A refused foreign request is already reported as such.
    if (reason.startsWith('net::ERR_BLOCKED_BY_CLIENT') && !isLocal(req.url(), origin)) return;
    // The held-back navigation of a refresh page (see visit) is expected.
    if (state.allowNav && req.isNavigationRequest() && reason === 'net::ERR_ABORTED') return;
    state.log.failed.push(`${req.method()} ${req.url()}: ${reason}`);
  });
  page.on('response', (res) => {
    if (!state.log) return;
    if (res.status() >= 400 && !(state.log.expect404 && res.url() === state.log.expect404)) {
      state.log.failed.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
    }
  });
  return { context, page, state };
}

// Resolve true once no request of the tab has been in flight for `ms`
// (playwright's networkidle waits 500 ms, too long for hundreds of pages).
async function quiet(state, ms, timeout) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (state.inflight.size === 0) {
      const seen = state.seen;
      await new Promise((r) => setTimeout(r, ms));
      if (state.inflight.size === 0 && state.seen === seen) return true;
    } else {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return false;
}

// Visit `url` in `tab`; returns what happened. A page with a meta refresh
// (an old unit slug) is held on its own address so that it can be checked;
// where it leads is checked by the link check.
async function visit(tab, url, opts = {}) {
  const { page, state } = tab;
  const log = { console: [], failed: [], foreign: [], expect404: opts.expect404 ? url : null };
  state.log = log;
  state.allowNav = null;
  let navHandler = null;
  if (opts.holdRefresh) {
    state.allowNav = url;
    navHandler = (route) => {
      const req = route.request();
      if (req.isNavigationRequest() && req.frame() === page.mainFrame() && req.url() !== url) {
        log.heldRefresh = req.url();
        return route.abort('aborted');
      }
      return route.fallback();
    };
    await page.route('**/*', navHandler);
  }
  let response = null;
  try {
    response = await page.goto(url, { waitUntil: 'load' });
    // Late requests (the favicon) must be over before the next visit, or they
    // would be blamed on the wrong page.
    if (!(await quiet(state, 150, 10000))) log.failed.push('network still busy 10 s after load');
  } catch (e) {
    log.failed.push(`navigation: ${e.message.split('\n')[0]}`);
  }
  log.response = response;
  return {
    log,
    done: async () => {
      if (navHandler) await page.unroute('**/*', navHandler);
      state.log = null;
      state.allowNav = null;
    },
  };
}

async function runAxe(page) {
  const axePath = require.resolve('axe-core');
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.addScriptTag({ path: axePath });
  return page.evaluate(
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    AXE_TAGS,
  );
}

function describeViolations(violations) {
  const out = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      const summary = (n.failureSummary || '').replace(/\s+/g, ' ').trim();
      out.push(
        `axe ${v.id} [${v.impact}] ${v.help} — ${n.target.join(' ')} — ${n.html.slice(0, 160)}${
          summary ? ` — ${summary.slice(0, 300)}` : ''
        }`,
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- the run --

async function pool(items, n, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async (_, w) => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], w);
    }
  });
  await Promise.all(workers);
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv);
  const files = walk(opts.site);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  if (htmlFiles.length === 0) throw new Error(`no HTML file in ${opts.site}`);

  const server = await startServer(opts.site, opts.basePath);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const base = origin + opts.basePath;
  console.log(`serving ${opts.site} at ${base} (${htmlFiles.length} HTML pages, ${files.length} files)`);

  // The Nu checker runs in its own JVM while the browser works.
  const vnuDone = runVnu(
    opts.java,
    htmlFiles.map((f) => path.join(opts.site, f)),
  );

  // -- XML, SVG and JSON files parse.
  for (const f of files.filter((f) => /\.(svg|xml)$/i.test(f))) {
    const text = fs.readFileSync(path.join(opts.site, f), 'utf8');
    const r = XMLValidator.validate(text, { allowBooleanAttributes: false });
    record('xml', f, r === true ? [] : [`line ${r.err.line}, col ${r.err.col}: ${r.err.code} ${r.err.msg}`]);
  }
  for (const f of files.filter((f) => /\.json$/i.test(f))) {
    const problems = [];
    try {
      JSON.parse(fs.readFileSync(path.join(opts.site, f), 'utf8'));
    } catch (e) {
      problems.push(e.message);
    }
    record('json', f, problems);
  }

  const browser = await chromium.launch({ executablePath: opts.chromium, args: LAUNCH_ARGS, headless: true });
  try {
    // -- Every page, in a few tabs.
    const linkStatus = new Map(); // url → Promise<status>
    const checkLink = (u) => {
      if (!linkStatus.has(u)) {
        linkStatus.set(
          u,
          new Promise((resolve) => {
            const req = http.request(u, { method: 'GET' }, (res) => {
              res.resume();
              resolve(res.statusCode);
            });
            req.on('error', (e) => resolve(`error ${e.message}`));
            req.end();
          }),
        );
      }
      return linkStatus.get(u);
    };

    const desktopTabs = [];
    const phoneTabs = [];
    for (let i = 0; i < opts.concurrency; i++) {
      desktopTabs.push(await openTab(browser, origin));
      phoneTabs.push(await openTab(browser, origin, { viewport: WIDTHS[0] }));
    }
    const perPage = new Map();
    await pool(htmlFiles, opts.concurrency, async (rel, w) => {
      const url = base + urlPathOf(rel);
      const source = fs.readFileSync(path.join(opts.site, rel), 'utf8');
      const holdRefresh = /<meta[^>]+http-equiv=["']?refresh/i.test(source);
      const r = { page: [], console: [], axe: [], links: [], phone: [] };

      const v = await visit(desktopTabs[w], url, { holdRefresh });
      const { log } = v;
      const status = log.response ? log.response.status() : null;
      if (status !== 200) r.page.push(`GET ${url}: ${status === null ? 'no response' : `HTTP ${status}`}`);
      if (log.response) {
        const type = log.response.headers()['content-type'] || '';
        if (!type.startsWith('text/html')) r.page.push(`content type ${type}`);
      }
      if (log.response) {
        try {
          const res = await runAxe(desktopTabs[w].page);
          r.axe.push(...describeViolations(res.violations));
        } catch (e) {
          r.axe.push(`axe did not run: ${e.message.split('\n')[0]}`);
        }
        // Every same-site link and resource named on the page.
        const refs = await desktopTabs[w].page.evaluate(() => {
          const out = [];
          for (const el of document.querySelectorAll('[href], [src]')) {
            const raw = el.getAttribute('href') ?? el.getAttribute('src');
            const abs = el.href && typeof el.href === 'string' ? el.href : el.src;
            if (raw !== null && abs) out.push({ raw, abs, tag: el.tagName.toLowerCase() });
          }
          return out;
        });
        for (const { raw, abs, tag } of refs) {
          if (!isLocal(abs, origin)) continue; // outbound links are not requests
          if (abs.startsWith('data:') || abs.startsWith('blob:')) continue;
          const target = abs.split('#')[0];
          const st = await checkLink(target);
          if (st !== 200) r.links.push(`<${tag}> "${raw}" → ${target}: ${typeof st === 'number' ? `HTTP ${st}` : st}`);
        }
      }
      if (holdRefresh && desktopTabs[w].page.url() !== url) {
        r.page.push(`left for ${desktopTabs[w].page.url()} although its refresh was held`);
      }
      if (log.heldRefresh) {
        const st = await checkLink(log.heldRefresh.split('#')[0]);
        if (st !== 200) r.links.push(`meta refresh → ${log.heldRefresh}: HTTP ${st}`);
      }
      await v.done();
      r.page.push(...log.failed, ...log.foreign.map((f) => `request to another host: ${f}`));
      r.console.push(...log.console);

      // The same page on a phone: nothing may push the page sideways.
      const pv = await visit(phoneTabs[w], url, { holdRefresh });
      if (pv.log.response) {
        const over = await phoneTabs[w].page.evaluate(() => {
          const doc = document.documentElement;
          const width = doc.clientWidth;
          if (doc.scrollWidth <= width + 1) return null;
          // Name the widest elements that stick out of the viewport and are
          // not inside a container that scrolls on its own.
          const culprits = [];
          for (const el of document.body.querySelectorAll('*')) {
            const rect = el.getBoundingClientRect();
            if (rect.right <= width + 1) continue;
            let p = el.parentElement;
            let contained = false;
            while (p && p !== document.body) {
              const ox = getComputedStyle(p).overflowX;
              if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') {
                contained = true;
                break;
              }
              p = p.parentElement;
            }
            if (contained) continue;
            const id = el.id ? `#${el.id}` : '';
            const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
            culprits.push({ sel: `${el.tagName.toLowerCase()}${id}${cls}`, right: Math.round(rect.right) });
          }
          culprits.sort((a, b) => b.right - a.right);
          return { scroll: doc.scrollWidth, width, culprits: culprits.slice(0, 5) };
        });
        if (over) {
          r.phone.push(
            `page is ${over.scroll}px wide in a ${over.width}px viewport; sticking out: ${
              over.culprits.map((c) => `${c.sel} (to ${c.right}px)`).join(', ') || 'unknown'
            }`,
          );
        }
      } else {
        r.phone.push(`no response at 390px`);
      }
      await pv.done();
      perPage.set(rel, r);
    });
    for (const rel of htmlFiles) {
      const r = perPage.get(rel);
      for (const kind of ['page', 'console', 'axe', 'links', 'phone']) record(kind, rel, r[kind]);
    }
    for (const t of [...desktopTabs, ...phoneTabs]) await t.context.close();

    phase('every page');
    // -- Without JavaScript, the key pages carry their figures.
    const nojs = await openTab(browser, origin, { javaScriptEnabled: false });
    for (const k of KEY_PAGES) {
      const url = base + k.path;
      const v = await visit(nojs, url);
      const problems = [];
      if (!v.log.response || v.log.response.status() !== 200) problems.push(`GET ${url} did not answer 200`);
      else {
        const text = await nojs.page.evaluate(() => document.body.innerText);
        for (const f of k.figures) if (!text.includes(f)) problems.push(`figure "${f}" not on the page`);
      }
      await v.done();
      problems.push(...v.log.failed, ...v.log.foreign.map((f) => `request to another host: ${f}`));
      record('nojs', `${k.path || '(home)'} ${k.figures.join(' · ')}`, problems);
    }

    phase('no-JS pages');
    // -- A missing address: 404 status, the site's 404 page, its stylesheet.
    for (const missing of [`${opts.basePath}khong-co-trang-nay/`, `${opts.basePath}don-vi/khong-co/trang/con/`, '/khong-phai-trang-nay/']) {
      const url = origin + missing;
      const v = await visit(nojs, url, { expect404: true });
      const problems = [];
      const st = v.log.response ? v.log.response.status() : null;
      if (st !== 404) problems.push(`expected HTTP 404, got ${st}`);
      if (v.log.response) {
        const info = await nojs.page.evaluate(() => {
          const sheets = [...document.styleSheets].map((s) => {
            let rules = -1;
            try {
              rules = s.cssRules.length;
            } catch {
              /* cross-origin */
            }
            return { href: s.href, rules };
          });
          const h1 = document.querySelector('h1');
          return {
            h1: h1 ? h1.textContent.trim() : null,
            sheets,
            font: getComputedStyle(document.body).fontFamily,
            links: [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')),
          };
        });
        if (info.h1 !== 'Không tìm thấy trang') problems.push(`h1 is ${JSON.stringify(info.h1)}, not the site's 404 page`);
        const styled = info.sheets.filter((s) => s.href && s.href.endsWith('/static/style.css') && s.rules > 0);
        if (styled.length === 0) {
          problems.push(
            `stylesheet not applied (sheets: ${JSON.stringify(info.sheets)}); 404.html must link its assets from the base path`,
          );
        }
        for (const href of info.links) {
          if (!href.startsWith(opts.basePath)) problems.push(`link "${href}" is not absolute from ${opts.basePath}`);
          else {
            const s = await checkLink(origin + href.split('#')[0]);
            if (s !== 200) problems.push(`link "${href}" → HTTP ${s}`);
          }
        }
      }
      await v.done();
      problems.push(...v.log.failed, ...v.log.foreign.map((f) => `request to another host: ${f}`));
      record('404', missing, problems);
    }
    await nojs.context.close();

    phase('404');
    // -- The answer first: the headline figure within the first phone screen.
    {
      const tab = await openTab(browser, origin, { viewport: { width: 390, height: 844 } });
      for (const f of FIRST_SCREEN) {
        const v = await visit(tab, base + f.path);
        const problems = [];
        const where = await tab.page.evaluate(() => {
          const el = document.querySelector('.scorecard .score-value');
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return { text: el.textContent.trim(), bottom: r.bottom + window.scrollY };
        });
        if (!where) problems.push('no headline figure (.scorecard .score-value)');
        else {
          if (where.text !== f.figure) problems.push(`headline reads "${where.text}", not "${f.figure}"`);
          if (where.bottom > 844) problems.push(`headline ends at ${Math.round(where.bottom)} px, below the first screen (844 px)`);
        }
        await v.done();
        record('first', `${f.path || '(home)'} ${f.figure}`, problems);
      }
      await tab.context.close();
    }

    phase('first screen');
    // -- Search without a server: a name typed without diacritics.
    {
      const tab = await openTab(browser, origin, { viewport: { width: 390, height: 844 } });
      let fetched = 0;
      tab.page.on('response', async (res) => {
        if (res.url().includes('/tim-kiem/')) {
          try {
            fetched += (await res.body()).length;
          } catch {
            /* gone */
          }
        }
      });
      const v = await visit(tab, base + 'thang/2023-10/');
      const problems = [];
      try {
        await tab.page.focus('#tim-kiem');
        await tab.page.keyboard.type('khoai chau');
        await tab.page.keyboard.press('Enter');
        await tab.page.waitForSelector('.search-results a', { timeout: 5000 });
        const found = await tab.page.evaluate(() => ({
          links: [...document.querySelectorAll('.search-results a')].map((a) => ({ text: a.textContent, href: a.href })),
          focused: document.activeElement ? document.activeElement.textContent : null,
          status: document.querySelector('.search-status').textContent,
        }));
        const hit = found.links.find((l) => l.text === 'UBND huyện Khoái Châu');
        if (!hit) problems.push(`no Khoái Châu among ${JSON.stringify(found.links)}`);
        else {
          if (!hit.href.startsWith(base + 'don-vi/khoai-chau/')) problems.push(`result leads to ${hit.href}`);
          const st = await checkLink(hit.href);
          if (st !== 200) problems.push(`result ${hit.href} → HTTP ${st}`);
        }
        if (found.focused !== 'UBND huyện Khoái Châu') problems.push(`Enter leaves the focus on "${found.focused}", not the first result`);
        if (!found.status.includes('kết quả')) problems.push(`status reads "${found.status}"`);
        if (fetched >= 300 * 1024) problems.push(`fetched ${fetched} bytes of index`);
        // Common words ("ubnd", "xã": tu-chung.json) pick no file but still
        // narrow the query; alone, they ask for more.
        const typed = async (query) => {
          await tab.page.fill('#tim-kiem', '');
          await tab.page.focus('#tim-kiem');
          await tab.page.keyboard.type(query);
          await tab.page.keyboard.press('Enter');
          await tab.page.waitForFunction(
            (q) => document.querySelector('.search-status').textContent.includes('kết quả') ||
              document.querySelector('.search-status').textContent.includes('“' + q + '”'),
            query, { timeout: 5000 });
          return tab.page.evaluate(() => ({
            links: [...document.querySelectorAll('.search-results a')].map((a) => a.textContent),
            hidden: document.querySelector('.search-results').hidden,
            status: document.querySelector('.search-status').textContent,
          }));
        };
        const commune = await typed('ubnd xã khoái châu');
        if (commune.links.join('|') !== 'UBND xã Khoái Châu') problems.push(`"ubnd xã khoái châu" → ${JSON.stringify(commune)}`);
        const alone = await typed('xã');
        if (!alone.hidden || !alone.status.includes('rất nhiều mục')) problems.push(`"xã" → ${JSON.stringify(alone)}`);
        // A number picks the file of its first four digits, as the build
        // keys it: a year finds the dispatches that name it.
        const year = await typed('2025');
        if (!year.links.includes('Công văn số 120/VPUB-PVHCC&KSTT')) problems.push(`"2025" → ${JSON.stringify(year)}`);
      } catch (e) {
        problems.push(e.message.split('\n')[0]);
      }
      await v.done();
      problems.push(...v.log.failed, ...v.log.foreign.map((f) => `request to another host: ${f}`));
      record('search', `khoai chau → Khoái Châu (${fetched} bytes of index)`, problems);
      await tab.context.close();
    }

    phase('search');
    // -- Chart text as displayed: font size × the SVG's shown width / its viewBox width.
    for (const vp of WIDTHS) {
      const tab = await openTab(browser, origin, { viewport: vp });
      const [lo, hi] = vp.width < 600 ? [12, 16] : [0, 18];
      for (const p of CHART_PAGES) {
        const v = await visit(tab, base + p);
        const sizes = await tab.page.evaluate(() => {
          const out = [];
          // A bar chart comes drawn for a phone and for a wide screen:
          // exactly one of the two is shown.
          for (const fig of document.querySelectorAll('.chart-figure')) {
            const shown = [...fig.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 0);
            if (shown.length !== 1) out.push({ text: `${shown.length} drawings shown in one chart`, px: -1 });
          }
          for (const svg of document.querySelectorAll('.chart-figure svg')) {
            if (svg.getBoundingClientRect().width === 0) continue;
            const vb = svg.viewBox.baseVal;
            const k = svg.getBoundingClientRect().width / vb.width;
            for (const t of svg.querySelectorAll('text')) {
              if (!t.textContent.trim()) continue;
              const px = parseFloat(getComputedStyle(t).fontSize) * k;
              out.push({ text: t.textContent.trim(), px });
            }
          }
          return out;
        });
        const problems = [];
        if (sizes.length === 0) problems.push('no chart text on the page');
        for (const s of sizes) {
          if (s.px < lo - 0.05 || s.px > hi + 0.05) problems.push(`"${s.text}" at ${s.px.toFixed(1)} px (want ${lo}–${hi})`);
        }
        await v.done();
        const range = sizes.length ? `${Math.min(...sizes.map((s) => s.px)).toFixed(1)}–${Math.max(...sizes.map((s) => s.px)).toFixed(1)} px` : '';
        record('chartpx', `${p} at ${vp.width} px ${range}`, problems);
      }
      await tab.context.close();
    }

    phase('chart text');
    // -- Screenshots of the key pages on a phone and on a desktop.
    fs.mkdirSync(opts.shots, { recursive: true });
    for (const vp of WIDTHS) {
      const tab = await openTab(browser, origin, { viewport: vp });
      for (const k of KEY_PAGES) {
        const file = path.join(opts.shots, `${k.name}-${vp.width}.png`);
        const v = await visit(tab, base + k.path);
        const problems = [];
        try {
          await tab.page.screenshot({ path: file, fullPage: true });
        } catch (e) {
          problems.push(e.message.split('\n')[0]);
        }
        await v.done();
        problems.push(...v.log.failed);
        record('shot', path.relative(process.cwd(), file), problems);
      }
      await tab.context.close();
    }
    // -- The province's page as printed.
    {
      const tab = await openTab(browser, origin, { viewport: { width: 800, height: 1100 } });
      const file = path.join(opts.shots, 'don-vi-hung-yen-print.png');
      const v = await visit(tab, base + 'don-vi/hung-yen/');
      const problems = [];
      try {
        await tab.page.emulateMedia({ media: 'print' });
        const shown = await tab.page.evaluate(() => ({
          nav: getComputedStyle(document.querySelector('.site-nav')).display,
          address: document.querySelector('.print-only') ? getComputedStyle(document.querySelector('.print-only')).display : 'none',
        }));
        if (shown.nav !== 'none') problems.push('the navigation is printed');
        if (shown.address === 'none') problems.push("the page's address is not printed");
        await tab.page.screenshot({ path: file, fullPage: true });
      } catch (e) {
        problems.push(e.message.split('\n')[0]);
      }
      await v.done();
      record('shot', path.relative(process.cwd(), file), problems);
      await tab.context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

    phase('screenshots');
  // -- The Nu checker's verdict, one check per HTML file.
  const vnu = await vnuDone;
  if (vnu.error) {
    for (const rel of htmlFiles) record('vnu', rel, [vnu.error]);
  } else {
    const byFile = new Map();
    for (const m of vnu.report.messages || []) {
      if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
      const file = m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '(unknown)';
      const rel = path.relative(opts.site, file);
      if (!byFile.has(rel)) byFile.set(rel, []);
      const extract = m.extract ? ` — ${JSON.stringify(m.extract.slice(0, 120))}` : '';
      byFile.get(rel).push(`line ${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.message}${extract}`);
    }
    for (const rel of htmlFiles) record('vnu', rel, byFile.get(rel) || []);
    phase('Nu checker (waited for)');
    for (const [rel, p] of byFile) if (!htmlFiles.includes(rel)) record('vnu', rel, p);
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (failed) {
    console.log('\nFailures:');
    for (const r of results.filter((r) => !r.ok)) console.log(`  ${r.kind} ${r.subject} (${r.problems.length})`);
  }
  const since = Number(process.env.E2E_STARTED) * 1000 || started;
  console.log(`\n(${((Date.now() - since) / 1000).toFixed(0)} s in all)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed + 1} failed`);
  process.exit(1);
});
