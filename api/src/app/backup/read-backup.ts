import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError } from './backup-format';
import type { BackupHeader } from './backup-format';

/** A piece of the backup: a chunk of a table's rows in COPY text form, or the end of that table. */
export type BackupPart = { table: number; chunk: Buffer } | { table: number; end: true };

const TERMINATOR = Buffer.from('\n\\.\n');
const MAX_HEADER = 64 * 1024 * 1024;

function unreadable(file: string, e: unknown): BackupError {
  const reason =
    (e as { code?: string }).code === 'Z_BUF_ERROR' || /unexpected end/i.test(String(e))
      ? 'it is truncated'
      : `it is damaged (${(e as Error).message})`;
  return new BackupError(`${file} cannot be read as a Jalons backup: ${reason}. Nothing was changed.`);
}

function parseHeader(file: string, line: Buffer): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line.toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError(`${file} is not a Jalons backup (its header is not readable). Nothing was changed.`);
  }
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.tables) || !Array.isArray(header.migrations))
    throw new BackupError(`${file} is not a Jalons backup (no "${BACKUP_FORMAT}" header). Nothing was changed.`);
  if (header.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `${file} is in backup format ${header.formatVersion}, newer than this version of Jalons reads (${BACKUP_FORMAT_VERSION}): restore it with Jalons ${header.appVersion} or later. Nothing was changed.`,
    );
  return header;
}

/**
 * Reads a backup file: its header, then its parts in order. Any damage — not gzip, a bad header,
 * a truncated file (gzip's own length and CRC check), a table cut short or more data than the
 * header announced — throws a BackupError.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupHeader | BackupPart> {
  const source = createReadStream(file).pipe(createGunzip());
  let header: BackupHeader | null = null;
  let table = 0;
  let atLineStart = true;
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const data of source as AsyncIterable<Buffer>) {
      let buf = rest.length ? Buffer.concat([rest, data]) : data;
      rest = Buffer.alloc(0);
      if (!header) {
        const eol = buf.indexOf(0x0a);
        if (eol < 0) {
          if (buf.length > MAX_HEADER) throw new BackupError(`${file} is not a Jalons backup (no header line). Nothing was changed.`);
          rest = buf;
          continue;
        }
        header = parseHeader(file, buf.subarray(0, eol));
        yield header;
        buf = buf.subarray(eol + 1);
      }
      while (buf.length) {
        if (table >= header.tables.length)
          throw new BackupError(`${file} holds more than its header announces: it is damaged. Nothing was changed.`);
        if (atLineStart) {
          if (buf.length < 3) {
            rest = buf;
            break;
          }
          if (buf[0] === 0x5c && buf[1] === 0x2e && buf[2] === 0x0a) {
            yield { table, end: true };
            table++;
            buf = buf.subarray(3);
            continue;
          }
        }
        const at = buf.indexOf(TERMINATOR);
        if (at >= 0) {
          yield { table, chunk: buf.subarray(0, at + 1) };
          yield { table, end: true };
          table++;
          buf = buf.subarray(at + 4);
          atLineStart = true;
          continue;
        }
        // no end in sight: pass all but the last 3 bytes, which may begin the end line
        const keep = Math.min(3, buf.length);
        const send = buf.subarray(0, buf.length - keep);
        if (send.length) {
          yield { table, chunk: send };
          atLineStart = send[send.length - 1] === 0x0a;
        }
        rest = buf.subarray(buf.length - keep);
        break;
      }
    }
  } catch (e) {
    source.destroy();
    if (e instanceof BackupError) throw e;
    throw unreadable(file, e);
  }
  if (!header) throw new BackupError(`${file} is empty or not a Jalons backup. Nothing was changed.`);
  if (rest.length || table < header.tables.length)
    throw new BackupError(
      `${file} ends before its last table (${header.tables[Math.min(table, header.tables.length - 1)]?.name ?? '?'}): it is truncated. Nothing was changed.`,
    );
}
