import { configSecrets, createRedactor, type Redactor } from "@rocky/adapter-kit";
import { CONFIG_SCHEMA } from "./manifest.js";

/** The kit's redactor over the config's writeOnly values plus the secrets derived at run time (key PEM, JWTs, session tokens). */
export class SecretRedactor implements Redactor {
  private readonly secrets = new Set<string>();
  private current: Redactor = createRedactor([]);

  /** Starts over from a config (initialize). */
  reset(config: unknown): void {
    this.secrets.clear();
    for (const s of configSecrets(config, CONFIG_SCHEMA)) this.secrets.add(s);
    this.current = createRedactor(this.secrets);
  }

  add(secret: string): void {
    if (this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.current = createRedactor(this.secrets);
  }

  redact(text: string): string {
    return this.current.redact(text);
  }

  redactValue<T>(value: T): T {
    return this.current.redactValue(value);
  }
}
