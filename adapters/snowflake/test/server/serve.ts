// Starts the test Snowflake server on its own: npx tsx adapters/snowflake/test/server/serve.ts [port]
// Credentials: PAT "rocky-test-pat", OAuth token "rocky-test-oauth", password "rocky-test-password" for user ROCKY_USER
// of account TESTACCT; pass the PEM of a public key in SNOWFLAKE_TEST_PUBLIC_KEY to allow key-pair JWTs.
import { startSnowflakeServer } from "./snowflake-server.js";

const server = await startSnowflakeServer({
  port: Number(process.argv[2] ?? 0),
  users: [
    {
      name: "ROCKY_USER",
      password: "rocky-test-password",
      programmaticAccessTokens: ["rocky-test-pat"],
      oauthTokens: ["rocky-test-oauth"],
      ...(process.env.SNOWFLAKE_TEST_PUBLIC_KEY ? { publicKeyPem: process.env.SNOWFLAKE_TEST_PUBLIC_KEY } : {}),
    },
  ],
});
process.stdout.write(`${server.url}\n`);
process.on("SIGINT", () => void server.close().then(() => process.exit(0)));
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
