const decoder = new TextDecoder("utf-8", { fatal: true });

export type ClassifiedLine =
  | { readonly kind: "blank" }
  | { readonly kind: "invalid"; readonly reason: "invalid-utf8" | "not-json" | "not-jsonrpc"; readonly text: string }
  | { readonly kind: "message"; readonly message: Record<string, unknown>; readonly text: string }
  | { readonly kind: "batch"; readonly items: readonly unknown[]; readonly text: string };

export function preview(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** One stdout line (without its `\n`) as the protocol sees it: a JSON-RPC 2.0 object, or why it is not one. */
export function classifyLine(bytes: Buffer): ClassifiedLine {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { kind: "invalid", reason: "invalid-utf8", text: bytes.toString("utf8") };
  }
  if (text.endsWith("\r")) text = text.slice(0, -1);
  if (text.trim() === "") return { kind: "blank" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: "invalid", reason: "not-json", text };
  }
  if (Array.isArray(parsed)) return { kind: "batch", items: parsed, text };
  if (parsed === null || typeof parsed !== "object" || (parsed as { jsonrpc?: unknown }).jsonrpc !== "2.0") {
    return { kind: "invalid", reason: "not-jsonrpc", text };
  }
  return { kind: "message", message: parsed as Record<string, unknown>, text };
}
