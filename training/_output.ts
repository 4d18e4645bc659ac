// Where the progress bar writes by default: standard error, like tqdm and
// Deno's own download bars, so that a program's standard output (the
// numbers it prints, a file it is piped to) stays clean; or standard
// output when asked.

const encoder = new TextEncoder();

/** The two streams a bar can draw on. */
export type OutputName = "stderr" | "stdout";

function streamOf(name: OutputName): typeof Deno.stderr | typeof Deno.stdout {
  return name === "stdout" ? Deno.stdout : Deno.stderr;
}

/** A function that writes all of its text to the stream. */
export function writerOf(name: OutputName): (text: string) => void {
  const stream = streamOf(name);
  return (text) => {
    let bytes = encoder.encode(text);
    while (bytes.length > 0) bytes = bytes.subarray(stream.writeSync(bytes));
  };
}

/** Whether the stream is a terminal (false where Deno cannot tell). */
export function isTerminal(name: OutputName): boolean {
  try {
    return streamOf(name).isTerminal();
  } catch {
    return false;
  }
}

/** The terminal's width in columns, or 80 when it has none. */
export function terminalColumns(): number {
  try {
    return Deno.consoleSize().columns;
  } catch {
    return 80;
  }
}
