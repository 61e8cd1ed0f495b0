/** Strings that break SQL written by naive concatenation: quotes, backslashes, an injection, newlines, NUL, comment and placeholder look-alikes. */
export const HOSTILE = ["it's", "back\\slash", "\\'", "'; DROP TABLE x; --", "line1\nline2\r\n", "nul\0in\0side", "\0", "", "?", "-- not a comment", "/* nor this */", "$$", "żółć 🎸"];
