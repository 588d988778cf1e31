import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Server } from 'restify';
import { DEFAULT_ACCENT, MAX_STARTERS, MAX_TITLE_LENGTH, withoutRepeats } from '../../src/web/page-options.js';
import { webChatBundlePath } from '../../src/web/static-assets.js';
import { startWebChatServer, TEST_BRAND } from './web-chat-server.js';

/** Reads the CSP header into directive → sources. */
const cspOf = (res: Response): Map<string, string[]> =>
  new Map((res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]));

/** The options the page's script will apply, as the server put them in the page. */
const optionsIn = (html: string): unknown => {
  const encoded = /data-options="([^"]*)"/.exec(html)?.[1] ?? '';
  return JSON.parse(encoded.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
};

describe('the Web Chat page', () => {
  let server: Server;
  let base: string;

  /** The welcome's own buttons, as the bot offers them. */
  const WELCOME_STARTERS = ['How much do MSLs earn in California?', 'Do I need a PhD?'];

  before(async () => {
    ({ server, base } = await startWebChatServer({ ALLOWED_ORIGINS: 'https://careers.example.org' }, { welcomeStarters: WELCOME_STARTERS }));
  });

  after(() => {
    server.close();
  });

  it('serves a page that loads only its own scripts and styles', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('text/html');
    const html = await res.text();
    expect(html).to.include('<script src="/webchat/webchat.js"').and.include('<script src="/chat.js"');
    // No inline script, and no address outside the bot anywhere in the markup.
    expect(html).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).to.not.match(/(?:src|href)="(?:https?:)?\/\//);
    expect(optionsIn(html)).to.deep.equal({ title: TEST_BRAND.title, accent: DEFAULT_ACCENT, starters: [], avatar: TEST_BRAND.avatar, placeholder: TEST_BRAND.placeholder });
    expect(html).to.include(`<title>${TEST_BRAND.title}</title>`).and.include(TEST_BRAND.tagline).and.include(TEST_BRAND.footnote);
  });

  it('forbids inline and foreign scripts, and framing except by the allowed origins', async () => {
    const csp = cspOf(await fetch(`${base}/`));
    expect(csp.get('default-src')).to.deep.equal(["'none'"]);
    expect(csp.get('script-src')).to.deep.equal(["'self'"]);
    expect(csp.get('connect-src')).to.deep.equal(["'self'"]);
    expect(csp.get('img-src')).to.include("'self'").and.not.include('https:');
    expect(csp.get('frame-ancestors')).to.deep.equal(["'self'", 'https://careers.example.org']);
  });

  it('serves the embeddable layout on /embed with the options given', async () => {
    const html = await (await fetch(`${base}/embed?title=Ask%20Acme&accent=%23a03060&starter=Is%20travel%20part%20of%20the%20job%3F&starter=What%20do%20MSLs%20earn%3F&utm=x`)).text();
    expect(html).to.include('class="layout-embedded"');
    expect(optionsIn(html)).to.deep.include({ title: 'Ask Acme', accent: '#a03060', starters: ['Is travel part of the job?', 'What do MSLs earn?'] });
  });

  it("leaves out starter questions the welcome already offers, whatever their case and punctuation", async () => {
    const html = await (await fetch(`${base}/embed?starter=${encodeURIComponent('do i need a PhD')}&starter=${encodeURIComponent('Is travel part of the job?')}&starter=${encodeURIComponent('Is travel part of the job')}`)).text();
    expect(optionsIn(html)).to.have.property('starters').that.deep.equals(['Is travel part of the job?']);
  });

  it('takes the origin of the page embed.js framed it in, and refuses anything else there', async () => {
    const html = await (await fetch(`${base}/embed?parent=${encodeURIComponent('https://careers.example.org')}`)).text();
    expect(optionsIn(html)).to.have.property('parent', 'https://careers.example.org');
    for (const parent of ['https://careers.example.org/jobs', 'javascript:alert(1)', '*', 'careers.example.org']) {
      const res = await fetch(`${base}/embed?parent=${encodeURIComponent(parent)}`);
      expect(res.status, parent).to.equal(400);
      expect(((await res.json()) as { error: string }).error, parent).to.include('parent');
    }
  });

  it('shows a title with markup as text, never as HTML', async () => {
    const html = await (await fetch(`${base}/?title=${encodeURIComponent('<img src=x onerror=alert(1)> "Careers"')}`)).text();
    expect(html).to.not.include('<img src=x');
    expect(html).to.include('<title>&lt;img src=x onerror=alert(1)&gt; &quot;Careers&quot;</title>');
    expect(optionsIn(html)).to.have.property('title', '<img src=x onerror=alert(1)> "Careers"');
  });

  const badOptions: Array<[string, string, string]> = [
    ['an accent that is not a hex colour', 'accent=red', 'accent'],
    ['an accent that smuggles CSS', `accent=${encodeURIComponent('#fff;background:url(//evil)')}`, 'accent'],
    [`a title over ${MAX_TITLE_LENGTH} characters`, `title=${'a'.repeat(MAX_TITLE_LENGTH + 1)}`, 'title'],
    ['a blank title', 'title=%20%20', 'title'],
    [`more than ${MAX_STARTERS} starters`, Array.from({ length: MAX_STARTERS + 1 }, (_, i) => `starter=q${i}`).join('&'), 'starter'],
  ];
  for (const [what, query, named] of badOptions) {
    it(`refuses ${what} with 400 naming the option`, async () => {
      const res = await fetch(`${base}/embed?${query}`);
      expect(res.status).to.equal(400);
      expect(((await res.json()) as { error: string }).error).to.include(named);
    });
  }

  it("serves Web Chat's bundle as the install step put it in place", async () => {
    const res = await fetch(`${base}/webchat/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('javascript');
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(readFileSync(webChatBundlePath()))).to.equal(true);
  });

  it("serves Web Chat's bundle gzipped to browsers that accept it", async () => {
    const raw = await new Promise<Buffer>((resolve, reject) => {
      // fetch would unzip on its own; read the bytes as they come.
      import('node:http').then(({ get }) => get(`${base}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
        if (res.headers['content-encoding'] !== 'gzip') reject(new Error(`not gzipped: ${res.headers['content-encoding']}`));
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
      }).on('error', reject), reject);
    });
    expect(gunzipSync(raw).equals(readFileSync(webChatBundlePath()))).to.equal(true);
  });

  for (const [path, type] of [['/chat.js', 'javascript'], ['/panel-bridge.js', 'javascript'], ['/chat.css', 'text/css'], ['/embed.js', 'javascript'], ['/logo.svg', 'image/svg+xml']] as const) {
    it(`serves ${path} as ${type}`, async () => {
      const res = await fetch(`${base}${path}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.include(type);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    });
  }

  it('keeps its page scripts free of outside addresses', async () => {
    for (const path of ['/chat.js', '/panel-bridge.js', '/embed.js', '/chat.css']) {
      const text = await (await fetch(`${base}${path}`)).text();
      // The SVG namespace is a name, not an address anything loads from.
      expect(text.replace(/'http:\/\/www\.w3\.org\/2000\/svg'/g, ''), path).to.not.match(/https?:\/\//);
    }
  });
});

describe('starter questions beside the welcome', () => {
  const offered = ['How much do MSLs earn in California?', 'Do I need a PhD?'];
  const cases: Array<[string, string[], string[]]> = [
    ['keeps questions the welcome does not offer, in order', ['Is travel part of the job?', 'What do MSLs earn in Texas?'], ['Is travel part of the job?', 'What do MSLs earn in Texas?']],
    ['drops one the welcome offers, in another case and without its question mark', ['do i need a phd', 'Is travel part of the job?'], ['Is travel part of the job?']],
    ['drops one that differs only in punctuation and spacing', ['How much do MSLs earn in  California ?!'], []],
    ['keeps the first of two that read the same', ['Is travel required?', 'is travel required'], ['Is travel required?']],
    ['keeps a question that only shares words with a welcome button', ['Do I need a PhD to start?'], ['Do I need a PhD to start?']],
  ];
  for (const [what, starters, expected] of cases) {
    it(what, () => {
      expect(withoutRepeats(starters, offered)).to.deep.equal(expected);
    });
  }
});
