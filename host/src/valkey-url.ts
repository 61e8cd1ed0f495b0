/** valkey:// and valkeys:// are spelled redis:// and rediss:// for the client. */
export function clientUrl(url: string): string {
  return url.replace(/^valkey(s?):\/\//, "redis$1://");
}

/** The URL without user and password, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "(an invalid URL)";
  }
}
