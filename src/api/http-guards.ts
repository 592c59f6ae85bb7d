/**
 * HTTP-level guards in front of every route: the Host header on a loopback bind (DNS
 * rebinding), the browser origins allowed to call the API (CORS_ORIGINS), and JSON answers, in
 * the GraphQL error shape, for what Express would otherwise answer with an HTML page (malformed
 * JSON, a body over the limit, an unknown path, an unexpected error).
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { CorsOptions, CorsOptionsDelegate } from 'cors';

/** The largest request body /graphql accepts. */
export const MAX_BODY = '1mb';

/** A GraphQL-shaped error answer, so that clients parse one format whatever went wrong. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

const LOOPBACK_BINDS = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The host name of a Host header (`localhost:4000` → `localhost`, `[::1]:4000` → `[::1]`). */
function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1);
  const colon = trimmed.lastIndexOf(':');
  return colon < 0 ? trimmed : trimmed.slice(0, colon);
}

/**
 * On a loopback bind only local names (and ALLOWED_HOSTS) may appear in Host: a page on
 * evil.example that rebinds its name to 127.0.0.1 sends `Host: evil.example` and is refused.
 * A service bound to another address is reached under names it cannot know, so it is not checked.
 */
export function hostGuard(options: { bind: string; allowedHosts: readonly string[] }): RequestHandler {
  const allowed = new Set([...LOOPBACK_NAMES, ...options.allowedHosts.map((host) => host.toLowerCase())]);
  const loopback = LOOPBACK_BINDS.test(options.bind);
  return (req, res, next) => {
    if (!loopback) return next();
    const name = hostName(req.headers.host ?? '');
    if (allowed.has(name) || /^127\.\d+\.\d+\.\d+$/.test(name)) return next();
    sendError(res, 403, 'BAD_REQUEST', `Host "${req.headers.host ?? ''}" is not served here; use localhost or 127.0.0.1, or add the name to ALLOWED_HOSTS`);
  };
}

/** Whether a browser origin may call the API: its own origin, or one of CORS_ORIGINS. */
export function originAllowed(origin: string, req: Request, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes('*')) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // Same origin: the page was served by this service under the name the browser used.
  if (req.headers.host && url.host === req.headers.host.toLowerCase()) return true;
  return allowedOrigins.some((entry) => {
    const allowed = new URL(entry);
    // An entry without a port (http://localhost) allows every port of that host.
    return allowed.protocol === url.protocol && allowed.hostname === url.hostname && (allowed.port === '' || allowed.port === url.port);
  });
}

/**
 * Refuses requests from a browser origin that is not allowed (403), and answers CORS for the
 * ones that are. Requests without an Origin header (curl, notebooks, servers) pass.
 */
export function originGuard(allowedOrigins: readonly string[]): { guard: RequestHandler; cors: CorsOptionsDelegate<Request> } {
  const guard: RequestHandler = (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || originAllowed(origin, req, allowedOrigins)) return next();
    sendError(res, 403, 'BAD_REQUEST', `Origin ${origin} may not call this API; add it to CORS_ORIGINS`);
  };
  const cors: CorsOptionsDelegate<Request> = (req, callback) => {
    const origin = req.headers.origin;
    const options: CorsOptions = { origin: origin !== undefined && originAllowed(origin, req, allowedOrigins) ? origin : false };
    callback(null, options);
  };
  return { guard, cors };
}

/** JSON 404 for paths the service does not have. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'NOT_FOUND', `No ${req.method} ${req.path} here; GraphQL is at /graphql`);
};

/**
 * The last Express handler: body-parser errors become 400 / 413 with the GraphQL error shape;
 * anything unexpected is a masked 500 logged with its detail.
 */
export function jsonErrors(log: (message: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const failure = error as { type?: string; status?: number; message?: string };
    if (failure.type === 'entity.parse.failed') return sendError(res, 400, 'BAD_REQUEST', `The request body is not valid JSON: ${failure.message ?? ''}`.trim());
    if (failure.type === 'entity.too.large') return sendError(res, 413, 'BAD_REQUEST', `The request body is larger than ${MAX_BODY}; send a smaller query or fewer variables`);
    if (typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500) {
      return sendError(res, failure.status, 'BAD_REQUEST', failure.message ?? 'Bad request');
    }
    log(`HTTP ${req.method} ${req.originalUrl} failed: ${error instanceof Error ? error.stack : String(error)}`);
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
