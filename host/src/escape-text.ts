// C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidirectional overrides (which reorder what
// a terminal shows): none of them may reach a terminal or a printed SQL comment raw.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** One line of text fit for a terminal or a `--` comment: every control character as a visible escape (`\n`, `\x1b`). */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** Like escapeText, but keeps newlines and tabs: for messages whose lines the code itself laid out. */
export function escapeLines(text: string): string {
  return text.replace(UNSAFE_BUT_LINES, escapeOne);
}
