import type { ServerResponse } from "node:http";

/**
 * The local sign-in server's pages: plain HTML with inline styles, nothing loaded from elsewhere (the demo runs
 * offline). Every value placed in a page is escaped.
 */

/** Sends one of these pages, with a policy that lets it do nothing but show itself and post its forms. */
export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
  });
  res.end(html);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Light or dark as the person's system is, like the app on either side of these pages (no white flash between them);
 * on a phone the card keeps a margin. A demo account's name and password each stay on one line.
 */
const STYLE = `
:root{color-scheme:light dark;--page:#f1f5f9;--card:#fff;--text:#0f172a;--muted:#475569;--line:#cbd5e1;--field:#64748b;--accent:#1d4ed8;--link:#1d4ed8;--error:#b91c1c}
@media (prefers-color-scheme:dark){:root{--page:#0f172a;--card:#1e293b;--text:#e2e8f0;--muted:#cbd5e1;--line:#334155;--field:#94a3b8;--link:#93c5fd;--error:#fca5a5}}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--page);color:var(--text);margin:0;padding:0 1rem}
main{max-width:26rem;margin:4rem auto;background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1.5rem 2rem}
@media (max-width:30rem){main{margin:1rem auto;padding:1.25rem}}
h1{font-size:1.35rem;margin:0 0 .5rem}
p{line-height:1.45}
a{color:var(--link)}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid var(--field);border-radius:.25rem;font-size:1rem;background:var(--page);color:var(--text)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1.25rem}
button{padding:.55rem 1.2rem;font-size:1rem;border-radius:.25rem;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:transparent;color:var(--link);border-color:var(--link)}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.error{color:var(--error);font-weight:600}
.hint{color:var(--muted);font-size:.9rem}
code{background:var(--page);padding:0 .2rem;white-space:nowrap}
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  action: string;
  abortAction: string;
  clientName: string;
  username?: string;
  error?: string;
  users: readonly { username: string; password: string }[];
}

export function loginPage(input: LoginPageInput): string {
  const error = input.error
    ? `<p class="error" role="alert" id="login-error">${escapeHtml(input.error)}</p>`
    : "";
  const described = input.error ? ' aria-describedby="login-error"' : "";
  const users = input.users
    .map((u) => `<li><code>${escapeHtml(u.username)}</code> / <code>${escapeHtml(u.password)}</code></li>`)
    .join("");
  return page(
    "Sign in - opwatch local sign-in",
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(input.clientName)}</strong></p>
${error}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
<label for="username">Username</label>
<input id="username" name="username" type="email" required autofocus value="${escapeHtml(input.username ?? "")}"${described}>
<label for="password">Password</label>
<input id="password" name="password" type="password" required${described}>
<div class="actions">
<button type="submit">Sign in</button>
<button type="submit" form="abort" class="secondary">Cancel</button>
</div>
</form>
<form id="abort" method="post" action="${escapeHtml(input.abortAction)}"></form>
<p class="hint">This is the local sign-in server of the opwatch demo, not Microsoft Entra ID. Demo accounts:</p>
<ul class="hint">${users}</ul>`,
  );
}

export function messagePage(title: string, message: string, link?: { href: string; text: string }): string {
  const anchor = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "";
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${anchor}`);
}

/**
 * The server's root, where the app's sign-in prompt sends a person to accept the certificate: what this server is, and
 * the way back.
 */
export function rootPage(input: { appOrigin: string; issuer: string }): string {
  return page(
    "opwatch local sign-in server",
    `<h1>opwatch local sign-in server</h1>
<p>This is the sign-in server of the opwatch demo, running on this machine in place of Microsoft Entra ID at <code>${escapeHtml(input.issuer)}</code>.</p>
<p>Its certificate was made on this machine when it started, so a browser warns about it once. If you can read this, your browser has accepted it and signing in will work: go back to opwatch and press Sign in.</p>
<p><a href="${escapeHtml(input.appOrigin)}/">Back to opwatch</a></p>`,
  );
}

/** `form` is oidc-provider's own logout form (hidden inputs, including its anti-forgery token). */
export function logoutPage(form: string): string {
  return page(
    "Sign out - opwatch local sign-in",
    `<h1>Sign out</h1>
<p>Sign out of the opwatch local sign-in server?</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>
</div>`,
  );
}
