// Reads a PDF on stdin and prints its text and its pages' sizes as JSON (pdf-parse 2.4.5). Run in its own
// process by api/test/report.spec.ts: pdf.js loads its worker with a dynamic import, which jest's VM refuses.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const parser = new PDFParse({ data: Buffer.concat(chunks) });
try {
  const text = await parser.getText();
  const info = await parser.getInfo({ parsePageInfo: true });
  const pages = (info.pages ?? []).map((p) => ({ width: p.width, height: p.height }));
  process.stdout.write(JSON.stringify({ text: text.text, total: info.total, pages, language: info.info?.Language ?? null }));
} finally {
  await parser.destroy();
}
