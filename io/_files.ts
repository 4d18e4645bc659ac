// Reading and writing whole files for the save/load functions, with errors
// that name the file and the function.

/** Read `path`, or throw the same kind of error with a message naming it. */
export function readFileFor(path: string | URL, caller: string): Uint8Array {
  try {
    return Deno.readFileSync(path);
  } catch (error) {
    throw renameError(error, `Cannot read '${path}': ${caller}() failed`);
  }
}

/**
 * Write `bytes` to `path` through a temporary file in the same folder and a
 * rename, so a crash midway never leaves a file that looks complete.
 */
export function writeFileFor(
  path: string | URL,
  bytes: Uint8Array,
  caller: string,
): void {
  const target = path instanceof URL ? decodeURIComponent(path.pathname) : path;
  const temporary = `${target}.${crypto.randomUUID().slice(0, 8)}.partial`;
  try {
    Deno.writeFileSync(temporary, bytes);
    Deno.renameSync(temporary, target);
  } catch (error) {
    try {
      Deno.removeSync(temporary);
    } catch {
      // Nothing was written, or it is already gone.
    }
    throw renameError(error, `Cannot write '${path}': ${caller}() failed`);
  }
}

/** The same error class (NotFound, NotCapable, ...) with our message first. */
export function renameError(error: unknown, prefix: string): Error {
  if (!(error instanceof Error)) return new Error(`${prefix}: ${error}`);
  const ErrorClass = error.constructor as new (
    message: string,
    options: ErrorOptions,
  ) => Error;
  return new ErrorClass(`${prefix}: ${error.message}`, { cause: error });
}
