/** The lines `load` prints with console.log, formatted as Deno prints them. */
export async function captureLog(
  load: () => unknown | Promise<unknown>,
): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...values: unknown[]): void => {
    lines.push(
      values.map((value) =>
        typeof value === "string" ? value : Deno.inspect(value)
      ).join(" "),
    );
  };
  try {
    await load();
  } finally {
    console.log = log;
  }
  return lines;
}
