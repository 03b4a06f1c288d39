import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsvRowCounter, downloadCsv, filenameFrom } from './download';

afterEach(() => vi.unstubAllGlobals());

describe('CsvRowCounter', () => {
  it('counts records, not line breaks inside quoted fields, across any chunking', () => {
    const csv = 'id,message\r\n1,"two\nlines"\r\n2,"a ""quoted"" word, and\r\na break"\r\n3,plain';
    for (let size = 1; size <= csv.length; size++) {
      const c = new CsvRowCounter();
      for (let i = 0; i < csv.length; i += size) c.push(csv.slice(i, i + size));
      expect(c.records, `chunks of ${size}`).toBe(4);
    }
  });
  it('does not count a final line break as a record', () => {
    const c = new CsvRowCounter();
    c.push('a,b\n1,2\n');
    expect(c.records).toBe(2);
    c.push('\n');
    expect(c.records).toBe(3);
  });
});

describe('downloadCsv', () => {
  function streamed(chunks: string[], headers: Record<string, string>) {
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(ctl) {
        for (const c of chunks) ctl.enqueue(enc.encode(c));
        ctl.close();
      },
    });
    return vi.fn(async () => new Response(body, { status: 200, headers }));
  }

  it('reports bytes and data rows as chunks arrive, then the whole file', async () => {
    vi.stubGlobal('fetch', streamed(['reference,outcome\nA,DECL', 'INED\nB,"x\ny"\n', 'C,APPROVED\n'], { 'Content-Disposition': 'attachment; filename="decisions-1.csv"' }));
    const seen: [number, number][] = [];
    const out = await downloadCsv('/export/decisions.csv', (p) => seen.push([p.bytes, p.rows]));
    expect(seen).toEqual([
      [24, 1],
      [37, 2],
      [48, 3],
      [48, 3],
    ]);
    expect(out.filename).toBe('decisions-1.csv');
    expect(out.rows).toBe(3);
    expect(await out.blob.text()).toBe('reference,outcome\nA,DECLINED\nB,"x\ny"\nC,APPROVED\n');
  });
  it('throws the refusal with its code and request id', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ errors: [{ message: 'reason: unknown', extensions: { code: 'INVALID' } }] }), { status: 400, headers: { 'X-Request-ID': 'ex-1' } })));
    await expect(downloadCsv('/export/decisions.csv?reason=x', () => {})).rejects.toMatchObject({ code: 'INVALID', requestId: 'ex-1' });
  });
  it('names the file from Content-Disposition', () => {
    expect(filenameFrom('attachment; filename="a.csv"', 'x.csv')).toBe('a.csv');
    expect(filenameFrom(null, 'x.csv')).toBe('x.csv');
  });
});
