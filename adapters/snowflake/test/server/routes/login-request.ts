import { send } from "../responses.js";
import { readJson, type Route } from "../server-context.js";

/**
 * POST /session/v1/login-request — the session login the Snowflake drivers use for user name and password
 * (body {data: {ACCOUNT_NAME, LOGIN_NAME, PASSWORD, CLIENT_APP_ID, CLIENT_APP_VERSION}}); answers HTTP 200 with
 * success true and data.token, or success false with code 390100 (https://docs.snowflake.com/en/user-guide/errors-password-auth ).
 */
export const loginRequest: Route = async (ctx, req, res) => {
  const body = (await readJson(req)) as { data?: Record<string, unknown> } | undefined;
  const d = body?.data ?? {};
  const session = ctx.auth.login(String(d.ACCOUNT_NAME ?? ""), String(d.LOGIN_NAME ?? ""), String(d.PASSWORD ?? ""));
  if (!session) return send(res, 200, { data: null, code: "390100", message: "Incorrect username or password was specified.", success: false });
  send(res, 200, { data: { token: session.token, validityInSeconds: session.validityInSeconds, masterToken: `master-${session.token}`, masterValidityInSeconds: 14400 }, code: null, message: null, success: true });
};
