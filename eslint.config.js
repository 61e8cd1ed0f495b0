import tseslint from "typescript-eslint";
import unicorn from "eslint-plugin-unicorn";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "protocol/src/generated/**", "templates/**", "bench/results/**", "**/*.js", "**/*.mjs"] },
  {
    files: ["{protocol,host,conformance}/src/**/*.ts", "adapters/*/src/**/*.ts"],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { unicorn },
    rules: {
      // stdout belongs to the command's result (host) or to the protocol (adapters): log through pino or stderr.
      "no-console": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "unicorn/filename-case": ["error", { case: "kebabCase" }],
    },
  },
);
