// The default output of the progress bar: standard error, like tqdm and
// Deno's own download bars, so that a program's standard output (the
// numbers it prints, a file it is piped to) stays clean.

const encoder = new TextEncoder();

/** Write all of `text` to standard error. */
export function writeStderr(text: string): void {
  let bytes = encoder.encode(text);
  while (bytes.length > 0) {
    bytes = bytes.subarray(Deno.stderr.writeSync(bytes));
  }
}

/** Whether standard error is a terminal (false where Deno cannot tell). */
export function stderrIsTerminal(): boolean {
  try {
    return Deno.stderr.isTerminal();
  } catch {
    return false;
  }
}

/** The terminal's width in columns, or 80 when it has none. */
export function stderrColumns(): number {
  try {
    return Deno.consoleSize().columns;
  } catch {
    return 80;
  }
}
