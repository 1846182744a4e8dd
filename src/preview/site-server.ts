import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { siteContentSecurityPolicy } from '../render/content-security.js';

/**
 * Serves a built edition's folder (<out>/<edition>/) on 127.0.0.1, as a static host would:
 * the site under /site/, the PDFs and data files it links beside it. Read-only, GET and HEAD
 * only, nothing outside the folder (no "..", no hidden files), and the site's own
 * Content-Security-Policy sent as a header too.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface SiteServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file a request path names inside root, or undefined when it may not be served. */
export function siteFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  const parts = decoded.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p.startsWith('.') || p.includes('\\') || p.includes('\0')))
    return undefined;
  if (decoded.endsWith('/') || parts.length === 0) parts.push('index.html');
  return path.join(root, ...parts);
}

export async function serveSite(root: string, port = 0): Promise<SiteServer> {
  const policy = `${siteContentSecurityPolicy()}; frame-ancestors 'none'`;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      if (req.url === '/' || req.url === '') {
        res.writeHead(302, { Location: '/site/' }).end();
        return;
      }
      const file = siteFile(root, req.url ?? '/');
      const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
      if (!file || !info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
