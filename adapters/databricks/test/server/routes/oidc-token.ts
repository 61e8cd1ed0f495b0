// POST /oidc/v1/token, OAuth machine-to-machine: client credentials in HTTP Basic auth (or the form), form body
// grant_type=client_credentials&scope=all-apis; answers {access_token, token_type: "Bearer", expires_in, scope}.
// https://docs.databricks.com/en/dev-tools/auth/oauth-m2m.html ("Manually generate and use access tokens")
import { sendJson } from "../http-util.js";
import type { Route } from "../route.js";

export const oidcToken: Route = {
  name: "oidc-token",
  method: "POST",
  pattern: /^\/oidc\/v1\/token$/,
  auth: false,
  handle({ req, res, body, server }) {
    const form = new URLSearchParams(body);
    let clientId = form.get("client_id") ?? "";
    let clientSecret = form.get("client_secret") ?? "";
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (form.get("grant_type") !== "client_credentials") {
      return sendJson(res, 400, { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials" });
    }
    if (!(form.get("scope") ?? "").split(" ").includes("all-apis")) {
      return sendJson(res, 400, { error: "invalid_scope", error_description: "scope must include all-apis" });
    }
    const issued = server.auth.issue(clientId, clientSecret);
    if (!issued) return sendJson(res, 401, { error: "invalid_client", error_description: "Client authentication failed" });
    sendJson(res, 200, { access_token: issued.token, token_type: "Bearer", expires_in: issued.expiresIn, scope: "all-apis" });
  },
};
