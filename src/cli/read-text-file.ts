// Reading a text file named on the command line, at the edge: a missing file, one too large, or one
// that is not UTF-8 text (NUL bytes, invalid byte sequences) is refused with a message that says so.
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../domain/errors.ts';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export async function readTextFile(file: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new AppError('validation_failed', `${file} is a directory`, 'FILE');
    size = s.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(
      'validation_failed',
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(e)}`,
      'FILE',
    );
  }
  if (size > maxBytes)
    throw new AppError(
      'payload_too_large',
      `${file} is ${mb(size)}; at most ${mb(maxBytes)} of text is read`,
      'FILE',
    );
  const bytes = await readFile(file);
  if (bytes.includes(0))
    throw new AppError(
      'unsupported_format',
      `${file} is a binary file (it holds NUL bytes), not text`,
      'FILE',
    );
  try {
    // A leading byte-order mark is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'unsupported_format',
      `${file} is not UTF-8 text (it holds an invalid byte sequence); convert it to UTF-8 first`,
      'FILE',
    );
  }
}
