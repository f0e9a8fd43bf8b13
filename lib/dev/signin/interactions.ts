import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { loginPage, messagePage, sendPage as send } from "./pages";
import { LOCAL_RESOURCES } from "./resources";
import { checkCredentials, DEMO_USERS } from "./users";

/**
 * The local sign-in server's own pages for oidc-provider's interactions: a username/password form for `login`, and
 * consent given on the person's behalf (an administrator has consented for the organisation, as is usual for Azure
 * tools in Entra ID).
 */

const MAX_FORM_BYTES = 8 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Grants the client every scope it may have, so the consent step never needs the person. */
async function grantEverything(provider: Provider, accountId: string, clientId: string, grantId: string | undefined) {
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  grant.addOIDCScope("openid profile offline_access");
  for (const resource of LOCAL_RESOURCES) grant.addResourceScope(resource.identifier, resource.scope);
  return grant.save();
}

export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  appOrigin: string,
): Promise<void> {
  const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(pathname);
  if (!match) { send(res, 404, messagePage("Not found", "There is no such page on the local sign-in server.")); return; }
  const action = match[2];

  let details: Awaited<ReturnType<Provider["interactionDetails"]>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    send(
      res,
      400,
      messagePage("Sign-in expired", "This sign-in page is no longer valid. Go back to opwatch and sign in again.", {
        href: appOrigin,
        text: "Back to opwatch",
      }),
    ); return;
  }
  const clientId = typeof details.params.client_id === "string" ? details.params.client_id : "";
  const base = `/interaction/${details.uid}`;

  if (req.method === "GET" && action === undefined) {
    if (details.prompt.name === "login") {
      send(res, 200, loginPage({ action: `${base}/login`, abortAction: `${base}/abort`, clientName: "opwatch", users: DEMO_USERS })); return;
    }
    const accountId = details.session?.accountId;
    if (details.prompt.name === "consent" && accountId) {
      const grantId = await grantEverything(provider, accountId, clientId, details.grantId);
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    send(res, 400, messagePage("Sign-in error", `Unsupported sign-in step "${details.prompt.name}".`)); return;
  }

  if (req.method === "POST" && action === "/abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The person cancelled the sign-in." },
      { mergeWithLastSubmission: false },
    );
  }

  if (req.method === "POST" && action === "/login") {
    let form: URLSearchParams;
    try {
      form = await readForm(req);
    } catch {
      send(res, 413, messagePage("Sign-in error", "The sign-in form was too large.")); return;
    }
    const username = form.get("username") ?? "";
    const user = checkCredentials(username, form.get("password") ?? "");
    if (!user) {
      send(
        res,
        401,
        loginPage({
          action: `${base}/login`,
          abortAction: `${base}/abort`,
          clientName: "opwatch",
          users: DEMO_USERS,
          username,
          error: "Unknown username or wrong password.",
        }),
      ); return;
    }
    const grantId = await grantEverything(provider, user.oid, clientId, details.grantId);
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.oid }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  send(res, 405, messagePage("Not allowed", "This page only takes the sign-in form."));
}
