// Streamed downloads with progress: the CSV export is read chunk by chunk, counting bytes and
// rows as they arrive, then handed to the browser to save.
import { ApiError, errorFrom, NETWORK, signalled } from './api';

/**
 * CsvRowCounter counts the records of a CSV text fed in arbitrary chunks (RFC 4180: a line break
 * inside a quoted field does not end the record; a doubled quote inside quotes is a quote).
 */
export class CsvRowCounter {
  private inQuotes = false;
  private lineOpen = false;
  private complete = 0;

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 34 /* " */) {
        // A doubled quote toggles twice: the state comes out right without looking ahead,
        // even when the pair is split across two chunks.
        this.inQuotes = !this.inQuotes;
        this.lineOpen = true;
      } else if (c === 10 /* \n */ && !this.inQuotes) {
        this.complete++;
        this.lineOpen = false;
      } else if (c !== 13 /* \r */) {
        this.lineOpen = true;
      }
    }
  }

  /** records is the number of records so far, a last one without a line break included. */
  get records(): number {
    return this.complete + (this.lineOpen ? 1 : 0);
  }
}

export interface DownloadProgress {
  bytes: number;
  /** Data rows received so far (the header line not counted). */
  rows: number;
}

export interface Downloaded extends DownloadProgress {
  blob: Blob;
  filename: string;
}

/** filenameFrom reads the file name of a Content-Disposition header. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename="([^"]+)"/);
  return m ? m[1] : fallback;
}

/**
 * downloadCsv fetches a CSV export, calling onProgress after every chunk, and returns it whole.
 * A refusal is thrown as an ApiError (UNAUTHENTICATED also tells the shell).
 */
export async function downloadCsv(url: string, onProgress: (p: DownloadProgress) => void, signal?: AbortSignal): Promise<Downloaded> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/csv' }, signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(`could not reach the server: ${(e as Error).message}`, NETWORK, 0);
  }
  if (!res.ok || !res.body) {
    const body = await res.json().catch(() => null);
    signalled(errorFrom(res.status, res.headers, body) ?? new ApiError('the export has no body', 'ERROR', res.status));
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const counter = new CsvRowCounter();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.byteLength;
    counter.push(decoder.decode(value, { stream: true }));
    onProgress({ bytes, rows: Math.max(0, counter.records - 1) });
  }
  counter.push(decoder.decode());
  const rows = Math.max(0, counter.records - 1);
  onProgress({ bytes, rows });
  return {
    blob: new Blob(parts as BlobPart[], { type: 'text/csv' }),
    filename: filenameFrom(res.headers.get('Content-Disposition'), 'export.csv'),
    bytes,
    rows,
  };
}

/** saveBlob hands a downloaded file to the browser to save under filename. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
