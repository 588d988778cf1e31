import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../src/escape-html.js';

export interface Portal {
  /** As a browser names it: "localhost" and "127.0.0.1" are different origins, so the portal is foreign to the bot. */
  readonly origin: string;
  close(): void;
}


const ROLES = ['Medical Science Liaison, Oncology', 'Senior MSL, Neuroscience', 'MSL Manager, West Coast'];

/**
 * A careers portal on a loopback port that adds the chat with the documented script tag, given the tag's data-
 * attributes: what an advisor's site looks like to the chat. It has links to tab from and a fixed footer of links,
 * as real portals do. The screenshot script pictures the chat on it; the browser tests embed the chat in it.
 */
export async function startPortal(botBase: () => string, attributes: () => Readonly<Record<string, string>>): Promise<Portal> {
  const server: Server = createServer((_req, res) => {
    const data = Object.entries(attributes()).map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Careers at Acme</title></head>
<body style="margin:0;font-family:system-ui,sans-serif;color:#222;background:#f6f6f4">
<header style="background:#fff;border-bottom:1px solid #ddd;padding:14px 24px"><strong style="color:#a03060;font-size:1.2rem">Acme Careers</strong></header>
<main style="max-width:760px;margin:0 auto;padding:24px 24px 96px">
  <h1 style="margin-top:0">Medical affairs roles</h1>
  <p>Bring your science to the field. Our medical affairs team is hiring across the US.</p>
  <ul style="list-style:none;padding:0">${ROLES.map((role) => `
    <li style="background:#fff;border:1px solid #ddd;border-radius:8px;padding:14px 16px;margin-bottom:10px">
      <a href="#apply" style="color:#8a2552;font-weight:600">${role}</a><br><span style="color:#555">Full time · Remote</span></li>`).join('')}
  </ul>
</main>
<footer style="position:fixed;left:0;right:0;bottom:0;height:60px;box-sizing:border-box;background:#222;color:#fff;padding:20px 24px">
  <a href="#privacy" style="color:#fff">Privacy</a> · <a href="#terms" style="color:#fff">Terms</a></footer>
<script src="${botBase()}/embed.js"${data} async></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
